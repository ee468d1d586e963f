"""The studio's draft file (app/generation/studio_draft.py): what is written comes back the same; a file that is
damaged, from another version, absurd or huge gives no draft and no exception (the studio starts as it always has)."""

from __future__ import annotations

import json

import pytest

from app.generation.request import GenerationRequest
from app.generation.studio_draft import DRAFT_NAME, StudioDraft, read_draft, write_draft

DRAFT = StudioDraft(
    GenerationRequest(
        prompt="pearl white with rose-gold trim, 부산 야경",
        preset="busan-night",
        negative_prompt="blurry",
        seed=7,
        steps=30,
        guidance=6.5,
        width=768,
        height=512,
        batch=2,
        scheduler="euler_a",
        source="base",
        strength=0.45,
        view="front34",
        mask="body",
    ),
    random_seed=False,
    keep_shape=55,
)


def saved(tmp_path) -> dict:
    write_draft(tmp_path, DRAFT)
    return json.loads((tmp_path / DRAFT_NAME).read_text("utf-8"))


def test_a_draft_comes_back_as_it_was_written(tmp_path):
    assert read_draft(tmp_path) is None  # none yet
    write_draft(tmp_path, DRAFT)
    assert read_draft(tmp_path) == DRAFT


def test_a_draft_with_no_words_yet_and_one_refining_a_design_come_back_usable(tmp_path):
    empty = StudioDraft(DRAFT.request.replace(prompt="", source="design", source_design_id="01HX"), True, 40)
    write_draft(tmp_path, empty)
    back = read_draft(tmp_path)
    assert back.request.prompt == "" and back.random_seed and back.keep_shape == 40
    assert back.request.source == "base" and back.request.source_design_id is None  # no design is shown at a start


@pytest.mark.parametrize(
    "change",
    [
        lambda d: b"\xff\xfe not text",
        lambda d: b"{" * 100_000,
        lambda d: b"[" * 200 + b"]" * 200,
        lambda d: b'"a draft"',
        lambda d: b"x" * 300_000,
        lambda d: {**d, "version": 2},
        lambda d: {**d, "request": "pearl white"},
        lambda d: {**d, "request": {**d["request"], "prompt": 5}},
        lambda d: {**d, "request": {**d["request"], "steps": 10**9}},
        lambda d: {**d, "request": {**d["request"], "width": 513}},
        lambda d: {**d, "request": {**d["request"], "scheduler": "nonsense"}},
        lambda d: {**d, "request": {**d["request"], "guidance": float("nan")}},
        lambda d: {**d, "request": {**d["request"], "loras": [["x", "heavy"]]}},
        lambda d: {**d, "random_seed": "yes"},
        lambda d: {**d, "keep_shape": 101},
        lambda d: {**d, "keep_shape": True},
        lambda d: {key: value for key, value in d.items() if key != "keep_shape"},
    ],
    ids=[
        "not text",
        "nested too deep",
        "nested lists",
        "text, not an object",
        "too large",
        "another version",
        "request not an object",
        "prompt a number",
        "steps absurd",
        "width not a multiple of 8",
        "unknown sampler",
        "guidance NaN",
        "LoRA weight words",
        "random seed words",
        "keep shape over 100",
        "keep shape true",
        "keep shape missing",
    ],
)
def test_a_damaged_or_foreign_draft_gives_none_and_raises_nothing(tmp_path, change):
    data = change(saved(tmp_path))
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    (tmp_path / DRAFT_NAME).write_bytes(raw)
    assert read_draft(tmp_path) is None


def test_a_draft_that_cannot_be_read_gives_none(tmp_path):
    (tmp_path / DRAFT_NAME).mkdir()  # a folder where the file should be
    assert read_draft(tmp_path) is None
