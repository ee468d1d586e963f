"""A token's problems are said in Korean with the fields named in Korean: no English field name inside a Korean
sentence, and nothing glued together that Korean word order would break."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app import i18n
from app.generation.request import GenerationRequest
from app.library.models import NewDesign
from app.library.store import Library
from app.token.metadata import build_metadata, validate_metadata

IMAGE = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"


@pytest.fixture
def meta(tmp_path):
    png = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 30, 40)).save(png, format="PNG")
    request = GenerationRequest(prompt="pearl white", preset="studio", seed=5)
    with Library.open(tmp_path) as library:
        design = library.add(NewDesign(png.getvalue(), request, 5, "p", "n", "m", "a" * 64, "cpu"))
        yield build_metadata(design, "A pearl SM6.", image_uri=IMAGE, token_number=3)


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def test_problems_name_their_fields_in_korean(meta, korean):
    del meta["description"]
    meta["name"] = ""
    meta["descripton"] = "typo"
    meta["properties"]["generation"]["seed"] = "1234"
    meta["properties"]["generation"]["width"] = 513
    meta["properties"]["generation"]["source_design_id"] = 7
    meta["attributes"].append({"trait_type": "Seed", "display_type": "rank"})
    problems = validate_metadata(meta)
    assert "설명 항목이 없습니다." in problems
    assert "이름 항목이 비어 있습니다." in problems
    assert "메타데이터에 “descripton” 항목은 없습니다. 철자를 확인하세요." in problems
    assert "시드: 숫자 형식이어야 합니다." in problems
    assert "너비 값은 8의 배수여야 합니다." in problems
    assert "특성 “Seed”의 값 항목이 없습니다." in problems
    assert "시작 디자인: 텍스트 또는 빈 값 형식이어야 합니다." in problems
    assert not any(word in " ".join(problems) for word in ("The ", "trait", "must", "Seed:", "a number"))


def test_english_is_unchanged(meta):
    meta["properties"]["generation"]["seed"] = None
    meta["properties"]["generation"]["source_design_id"] = 7
    meta["attributes"].append({"value": 1})
    assert validate_metadata(meta) == [
        f"The name of trait {len(meta['attributes'])} is missing.",
        "Seed must be a number.",
        "The starting design must be text or empty.",
    ]
