"""Style presets read in the person's language, while the model is always told the English template."""

from __future__ import annotations

import json
import logging

import pytest

from app import i18n, paths
from app.generation.presets import default_presets, load_presets
from app.generation.request import GenerationRequest


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_every_bundled_preset_has_korean_words():
    for preset in default_presets().presets:
        assert has_hangul(preset.label_in("ko")), preset.id
        assert has_hangul(preset.description_in("ko")), preset.id
        assert not has_hangul(preset.english_label + preset.english_description), preset.id


def test_the_label_follows_the_language_but_the_prompt_stays_english(korean):
    book = default_presets()
    busan = book.get("busan-night")
    assert (busan.label, busan.description) == ("부산 밤 항구", "물 위로 비치는 광안대교의 불빛.")
    composed = book.compose(GenerationRequest(prompt="gold wheels", preset="busan-night"))
    assert "Busan harbour" in composed.positive and not has_hangul(composed.positive + composed.negative)
    assert composed.preset_label == "Busan night harbour"  # what the design's provenance keeps
    i18n.set_language("en")
    assert (busan.label, busan.description) == (
        "Busan night harbour",
        "Gwangan Bridge lights over the water.",
    )


def write_presets(tmp_path, translations) -> object:
    data = json.loads(paths.resource("presets.json").read_text(encoding="utf-8"))
    for preset in data["presets"]:
        preset.pop("translations", None)
    if translations is not ...:
        data["presets"][0]["translations"] = translations
    path = tmp_path / "presets.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_preset_file_without_translations_still_loads_in_english(tmp_path, korean):
    book = load_presets(write_presets(tmp_path, ...))
    assert [p.label for p in book.presets] == [p.english_label for p in book.presets]


@pytest.mark.parametrize(
    "odd",
    [
        "스튜디오",
        ["ko"],
        {"ko": "스튜디오"},
        {"ko": {"label": 7, "description": None}},
        {"ko": {"label": "x" * 1000}},
        {"ko": {"label": "\x1b[31m빨강"}},
        {"ko": {"label": "   "}},
        {"xx": {"label": "?"}},
    ],
)
def test_an_odd_translation_is_ignored_with_a_log_line_never_a_crash(tmp_path, korean, caplog, odd):
    with caplog.at_level(logging.WARNING, logger="app.generation.presets"):
        book = load_presets(write_presets(tmp_path, odd))
    assert book.presets[0].label == "Studio product shot"
    assert book.presets[0].description == "Seamless grey studio, softboxes, crisp reflections."
    assert caplog.records


def test_a_partial_translation_keeps_what_it_has(tmp_path, korean):
    book = load_presets(write_presets(tmp_path, {"ko": {"label": "스튜디오"}}))
    assert book.presets[0].label == "스튜디오"
    assert book.presets[0].description == "Seamless grey studio, softboxes, crisp reflections."


def test_presets_command_lists_them_in_the_language_of_settings(capsys, tmp_path):
    import dataclasses

    from app import cli
    from app.config import Settings, save_settings

    save_settings(dataclasses.replace(Settings(), language="ko"))
    try:
        assert cli.main(["presets"]) == 0
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "busan-night      부산 밤 항구 — 물 위로 비치는 광안대교의 불빛." in out.splitlines()


def test_a_token_minted_from_a_korean_window_keeps_the_english_style(tmp_path, korean):
    """A token's metadata is permanent and re-checked by Verify: it never depends on the language of the moment."""
    import io

    from PIL import Image

    from app.library.models import NewDesign
    from app.library.store import Library
    from app.token.metadata import build_metadata

    png = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 30, 40)).save(png, format="PNG")
    request = GenerationRequest(prompt="pearl white", preset="busan-night")
    with Library.open(tmp_path) as library:
        design = library.add(
            NewDesign(png.getvalue(), request, 7, "p", "n", model_name="m", model_hash="a" * 64, device="cpu")
        )
        meta = build_metadata(
            design, "d", image_uri="ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
        )
    style = {a["trait_type"]: a["value"] for a in meta["attributes"]}["Style"]
    assert style == "Busan night harbour"
