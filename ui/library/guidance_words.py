"""How a design's shape was guided, in plain words for the Library's details: the artwork's view, the mask, the
ControlNet with its strength, the LoRAs with their weights, and a loaded sketch or photo as the start.

Each fact is (caption, value), both in the language shown now; a fact that does not apply to the design is left out,
so a plain design shows none of them."""

from __future__ import annotations

from app.generation.request import GenerationRequest
from ui.i18n import translate


def view_words(view: str) -> str:
    words = {
        "side": translate("guidance_words", "Side view"),
        "front34": translate("guidance_words", "Front three-quarter view"),
        "rear34": translate("guidance_words", "Rear three-quarter view"),
    }
    return words.get(view, view)


def _number(value: float) -> str:
    return f"{value:g}"


def guidance_facts(request: GenerationRequest) -> list[tuple[str, str]]:
    """The guidance facts that apply to `request`, in the order the details list them."""
    facts: list[tuple[str, str]] = []
    start_is_artwork = request.source == "base" or (request.source == "none" and bool(request.control_model))
    if request.source == "base":
        facts.append((translate("guidance_words", "Started from"), translate("guidance_words", "The SM6 artwork")))
    elif request.source == "picture":
        facts.append(
            (translate("guidance_words", "Started from"), translate("guidance_words", "A loaded sketch or photo"))
        )
    if start_is_artwork:
        facts.append((translate("guidance_words", "View"), view_words(request.view)))
    if request.mask == "body":
        facts.append((translate("guidance_words", "Mask"), translate("guidance_words", "Body repainted, scene kept")))
    elif request.mask == "scene":
        facts.append((translate("guidance_words", "Mask"), translate("guidance_words", "Scene repainted, car kept")))
    if request.control_model:
        if request.control_hint == "depth":
            guide = translate("guidance_words", "{name}, from depth, strength {strength}")
        else:
            guide = translate("guidance_words", "{name}, from edges, strength {strength}")
        value = guide.format(name=request.control_model, strength=_number(request.control_strength))
        facts.append((translate("guidance_words", "Guide"), value))
    if request.loras:
        lines = [
            translate("guidance_words", "{name}, weight {weight}").format(name=name, weight=_number(weight))
            for name, weight in request.loras
        ]
        caption = translate("guidance_words", "LoRA") if len(lines) == 1 else translate("guidance_words", "LoRAs")
        facts.append((caption, "\n".join(lines)))
    if request.decoder == "taesd":
        facts.append((translate("guidance_words", "Decoder"), translate("guidance_words", "TAESD (fast)")))
    return facts
