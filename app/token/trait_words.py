"""A token's trait values as a person reads them, in their language.

The metadata itself stays English (marketplaces, Verify and the campaign read it); this only says its values the way
the window's language does, for the kiosk's preview: the style by its preset, the colours by their names. A value this
module does not know is shown as it is."""

from __future__ import annotations

from typing import Any, Callable

from app.generation.presets import default_presets
from app.messages import Msg

# The colour names metadata.prompt_colours writes (its _COLOURS values), each a message.
COLOUR_NAMES: dict[str, Msg] = {
    english: Msg(f"token.colour.{english.lower().replace(' ', '_')}", english)
    for english in (
        "Pearl white", "White", "Black", "Silver", "Grey", "Red", "Burgundy", "Blue", "Navy", "Green", "Yellow",
        "Orange", "Gold", "Bronze", "Copper", "Purple", "Pink", "Teal",
    )
}  # fmt: skip


def _style(value: Any) -> str:
    found = next((p for p in default_presets().presets if p.english_label == value), None)
    return found.label if found is not None else str(value)


def _colours(value: Any) -> str:
    names = [n.strip() for n in str(value).split(",") if n.strip()]
    return ", ".join(str(COLOUR_NAMES[n]()) if n in COLOUR_NAMES else n for n in names)


_SAID: dict[str, Callable[[Any], str]] = {"Style": _style, "Colours": _colours}


def trait_value_words(trait_type: Any, value: Any) -> str:
    """`value` of the trait named `trait_type` (the metadata's own key) in the current language."""
    say = _SAID.get(trait_type) if isinstance(trait_type, str) else None
    return say(value) if say is not None else str(value)
