"""Each finished PNG from the generation server is checked against what this kiosk asked for before it is kept.

The kiosk keeps the server's PNG bytes as they are, and Verify, a token's metadata and other tools later believe
what those bytes say about how the picture was made. So the PNG must say what the local engine would have written
for that variation (app/generation/runner.py `package`): this kiosk's request as it ran (the steps that actually
ran, the shared pass it was denoised in, the batch's first seed), this variation's own seed and index, the model's
hash, the AI-made mark and the A1111 settings line. A PNG that says anything else, says nothing, or cannot be read
is not kept: a buggy, older or hostile server cannot make a visitor's design lie about itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.errors import UserFacingError
from app.fleet import remote_messages as msgs
from app.generation import pngmeta
from app.generation.generated import GeneratedImage
from app.generation.request import GenerationRequest

_SHOWN = 120  # characters of a differing value put in the details


def check(image: GeneratedImage) -> None:
    """UserFacingError (NOT_AS_ASKED, the differences in its details) unless `image.png` records `image`'s
    provenance as the local engine writes it."""
    problems = differences(image)
    if problems:
        raise UserFacingError(msgs.NOT_AS_ASKED(), f"image {image.index}: " + "; ".join(problems))


def differences(image: GeneratedImage) -> list[str]:
    """What the PNG says otherwise than `image` (the request as it ran here, with the server's line's seed, index and
    model hash, all checked before); [] when it agrees in every field the engine writes."""
    try:
        texts = pngmeta.read_png_metadata(image.png)
    except ValueError as exc:  # damaged chunks, a text block too large, JSON past its limits (BadJSON too)
        return [f"its provenance cannot be read: {exc}"[:400]]
    if texts["request"] is None:
        return [f"it carries no {pngmeta.REQUEST_KEY}"]
    try:
        recorded = GenerationRequest.from_dict(texts["request"])
    except (TypeError, ValueError) as exc:  # no prompt, values of the wrong kind (a RequestError is a ValueError)
        return [f"its {pngmeta.REQUEST_KEY} is damaged: {exc}"[:400]]
    problems = _request_differences(image.request, recorded)
    problems += _meta_differences(image, texts["meta"])
    if texts["digital_source_type"] != pngmeta.TRAINED_ALGORITHMIC_MEDIA:
        problems.append(f"digital source type {_show(texts['digital_source_type'])}")
    problems += _parameters_differences(image, texts["parameters"])
    return problems


def _request_differences(sent: GenerationRequest, recorded: GenerationRequest) -> list[str]:
    # Every field: the engine writes the whole request (to_dict), so each one is provenance Verify may rely on.
    return [
        f"{field.name}: sent {_show(ours)}, the picture says {_show(theirs)}"
        for field in dataclasses.fields(GenerationRequest)
        if (ours := getattr(sent, field.name)) != (theirs := getattr(recorded, field.name))
    ]


def _meta_differences(image: GeneratedImage, meta: dict[str, Any] | None) -> list[str]:
    if meta is None:
        return [f"it carries no {pngmeta.META_KEY}"]
    problems = [
        f"{key}: expected {_show(expected)}, the picture says {_show(meta.get(key))}"
        for key, expected in (("seed", image.seed), ("variation", image.index))
        if not _same_int(meta.get(key), expected)
    ]
    model = meta.get("model")
    sha256 = model.get("sha256") if isinstance(model, dict) else None
    if (sha256 or "") != image.model_hash:  # the engine writes the model's sha256 in both, or neither knows it
        problems.append(f"model hash: the server said {_show(image.model_hash)}, the picture says {_show(sha256)}")
    return problems


def _parameters_differences(image: GeneratedImage, parameters: str | None) -> list[str]:
    """The A1111 text other tools read: its settings line begins with what the engine writes first (steps, sampler,
    guidance, this variation's seed, size), and its prompt is the composed one the server named."""
    if parameters is None:
        return [f"it carries no {pngmeta.PARAMETERS_KEY}"]
    request = image.request
    expected = pngmeta.a1111_parameters(
        positive="",
        negative="",
        steps=request.steps,
        sampler=request.scheduler,
        cfg=request.guidance,
        seed=image.seed,
        width=request.width,
        height=request.height,
        model_name="",
        model_hash="",
    ).rpartition("\n")[2]
    settings = parameters.rpartition("\n")[2]
    problems = []
    if settings != expected and not settings.startswith(expected + ", "):
        problems.append(f"{pngmeta.PARAMETERS_KEY}: expected {_show(expected)}, the picture says {_show(settings)}")
    if not parameters.startswith(image.prompt_final):
        problems.append(f"{pngmeta.PARAMETERS_KEY}: its prompt is not {_show(image.prompt_final)}")
    return problems


def _same_int(value: Any, expected: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value == expected


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
