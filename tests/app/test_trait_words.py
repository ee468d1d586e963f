"""The kiosk's preview says a token's trait values in the visitor's language, while the metadata stays English."""

from __future__ import annotations

import pytest

from app import i18n
from app.token.metadata import _COLOURS
from app.token.trait_words import COLOUR_NAMES, trait_value_words


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def test_every_colour_metadata_can_name_has_a_name_of_its_own():
    assert set(_COLOURS.values()) <= set(COLOUR_NAMES)


def test_in_korean_style_and_colours_read_korean(korean):
    assert trait_value_words("Style", "Studio product shot") == "스튜디오 제품 촬영"  # the preset's own Korean
    assert trait_value_words("Colours", "Pearl white, Gold") == "펄 화이트, 금색"


def test_in_english_values_read_as_the_metadata_has_them():
    assert trait_value_words("Style", "Studio product shot") == "Studio product shot"
    assert trait_value_words("Colours", "Pearl white, Gold") == "Pearl white, Gold"


@pytest.mark.parametrize(
    ("trait", "value"),
    [("Style", "A style from another app"), ("Colours", "Mauve, Gold"), ("Trim", "Inspire"), (None, 3), (7, "x")],
)
def test_an_unknown_value_is_shown_as_it_is(korean, trait, value):
    shown = trait_value_words(trait, value)
    assert ("Mauve" in shown and "금색" in shown) if value == "Mauve, Gold" else shown == str(value)
