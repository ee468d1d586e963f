"""Token metadata built from a real library design: what a marketplace shows, the exact bytes, the checks."""

from __future__ import annotations

import copy
import dataclasses
import io
import json

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

import app
from app import paths
from app.errors import RequestError
from app.generation.request import GenerationRequest
from app.library.models import NewDesign
from app.library.store import Library
from app.token.metadata import (
    NAME_CHARS,
    build_metadata,
    lineage_depth,
    metadata_bytes,
    prompt_colours,
    prompt_title,
    regeneration_request,
    validate_metadata,
)

IMAGE = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
SHA = "a" * 64


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 30, 40)).save(out, format="PNG")
    return out.getvalue()


def _new(request: GenerationRequest, seed: int, parent: str | None = None) -> NewDesign:
    return NewDesign(
        png=_png(),
        request=request,
        seed=seed,
        prompt_final=f"renault sm6, {request.prompt}",
        negative_final="blurry, lowres",
        model_name="sm6-base",
        model_hash=SHA,
        device="cpu",
        parent_id=parent,
    )


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path) as library:
        yield library


@pytest.fixture
def original(lib):
    request = GenerationRequest(prompt="Pearl white SM6 with red accents on a coastal road at dusk", preset="studio")
    return lib.add(_new(request.replace(seed=1234, steps=30, guidance=6.5, scheduler="euler_a"), seed=1234))


@pytest.fixture
def refined(lib, original):
    request = GenerationRequest(
        prompt="matte black SM6", seed=99, source="design", source_design_id=original.id, strength=0.35
    )
    return lib.add(_new(request, seed=99, parent=original.id))


def _traits(metadata):
    return {a["trait_type"]: a for a in metadata["attributes"]}


def test_every_field_a_marketplace_shows(original):
    meta = build_metadata(
        original, "  A pearl SM6.  ", image_uri=IMAGE, token_number=7, external_url="https://sm6.example/t/7"
    )
    assert meta["name"] == "Create Your SM6 #7"
    assert meta["description"] == "A pearl SM6."
    assert meta["image"] == IMAGE
    assert meta["external_url"] == "https://sm6.example/t/7"
    assert meta["background_color"] == "121417"
    traits = _traits(meta)
    assert traits["Trim"]["value"] == "Inspire"
    assert traits["Style"]["value"] == "Studio product shot"
    assert traits["Colours"]["value"] == "Pearl white, Red"
    assert traits["Seed"] == {"trait_type": "Seed", "value": 1234, "display_type": "number"}
    assert traits["Steps"] == {"trait_type": "Steps", "value": 30, "display_type": "number"}
    assert traits["Guidance"] == {"trait_type": "Guidance", "value": 6.5, "display_type": "number"}
    assert "Keep shape" not in traits  # text-to-image: there was no shape to keep
    assert traits["Model"]["value"] == "sm6-base"
    assert traits["Model hash"]["value"] == "aaaaaaaaaa"
    assert traits["Lineage depth"] == {"trait_type": "Lineage depth", "value": 0, "display_type": "number"}
    assert traits["Created"] == {"trait_type": "Created", "value": int(original.created_at), "display_type": "date"}
    gen = meta["properties"]["generation"]
    assert gen["seed"] == 1234 and gen["sampler"] == "euler_a" and gen["model_sha256"] == SHA
    assert gen["prompt_final"] == original.prompt_final and gen["app_version"] == app.__version__
    assert validate_metadata(meta) == []


def test_refined_design_has_keep_shape_and_depth(lib, refined):
    meta = build_metadata(refined, "Black.", image_uri=IMAGE, lineage_depth=lineage_depth(lib, refined.id))
    traits = _traits(meta)
    assert traits["Keep shape"] == {"trait_type": "Keep shape", "value": 65, "display_type": "boost_percentage"}
    assert traits["Lineage depth"]["value"] == 1
    assert traits["Style"]["value"] == "No style"
    assert traits["Colours"]["value"] == "Black"
    assert "external_url" not in meta
    assert validate_metadata(meta) == []


def test_name_falls_back_to_title_then_prompt(original):
    assert build_metadata(original, "d", image_uri=IMAGE, title="  Night  Pearl ")["name"] == "Night Pearl"
    assert (
        build_metadata(original, "d", image_uri=IMAGE)["name"] == "Create Your SM6 — Pearl white SM6 with red accents"
    )


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("matte black SM6", "Matte black SM6"),  # short: whole
        (
            "pearl white SM6 with rose-gold trim under Busan's harbour lights, long exposure",
            "Pearl white SM6 with rose-gold trim",
        ),
        ("gold wheels at dusk, by the sea", "Gold wheels at dusk"),  # the first clause
        ("SM6 on a coastal road at dusk near the harbour with friends", "SM6 on a coastal road at dusk"),
        ("부산의 밤을 닮은 펄 화이트 SM6, 로즈골드 트림", "부산의 밤을 닮은 펄 화이트 SM6"),
        ("x" * 120, "X" + "x" * 47),  # one endless word: cut on a character, still no ellipsis
        ("   \n\t ", ""),  # nothing to name it by
        (",,, ;", ""),
    ],
)
def test_a_name_from_the_prompt_is_whole_words_with_no_ellipsis(original, prompt, name):
    assert prompt_title(prompt) == name
    design = dataclasses.replace(original, request=dataclasses.replace(original.request, prompt=prompt))
    meta = build_metadata(design, "d", image_uri=IMAGE)
    assert meta["name"] == (f"Create Your SM6 — {name}" if name else "Create Your SM6")
    assert "…" not in meta["name"] and "..." not in meta["name"]
    assert len(meta["name"]) <= len("Create Your SM6 — ") + NAME_CHARS
    assert validate_metadata(meta) == []


def test_colour_words_in_korean_and_english():
    assert prompt_colours("빨간색의 SM6, silver wheels, Silver roof") == ["Red", "Silver"]
    assert prompt_colours("a hatred of bluegrass") == []  # whole words only in English


def test_bytes_are_canonical_and_round_trip(original):
    meta = build_metadata(original, "설명: 진주색 SM6 — 부산의 밤.", image_uri=IMAGE, token_number=1)
    data = metadata_bytes(meta)
    assert data == metadata_bytes(copy.deepcopy(meta))
    assert data == metadata_bytes(dict(reversed(list(meta.items()))))  # key order does not matter
    text = data.decode("utf-8")
    assert "설명: 진주색 SM6 — 부산의 밤." in text  # no \uXXXX escapes
    assert text.startswith('{"attributes":[{"trait_type":"Trim","value":"Inspire"},')  # sorted, no spaces
    assert not text.endswith("\n")
    assert json.loads(text) == meta
    assert json.loads(text)["description"] == "설명: 진주색 SM6 — 부산의 밤."


def test_schema_itself_is_valid_draft_2020_12():
    schema = json.loads(paths.resource("token", "metadata.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["description"]["maxLength"] == 1000


@pytest.fixture
def meta(original):
    return build_metadata(original, "A pearl SM6.", image_uri=IMAGE, token_number=3)


def test_missing_description(meta):
    del meta["description"]
    assert validate_metadata(meta) == ["The description is missing."]


def test_description_over_the_limit(meta):
    meta["description"] = "가" * 1204
    assert validate_metadata(meta) == ["The description is 1,204 characters; the limit is 1,000."]


def test_image_missing_and_bad(meta):
    del meta["image"]
    assert validate_metadata(meta) == ["The image is missing."]
    meta["image"] = "file:///tmp/x.png"
    assert validate_metadata(meta) == ["The image must be an ipfs:// or https:// address."]


def test_wrong_types(meta):
    meta["properties"]["generation"]["seed"] = "1234"
    meta["properties"]["generation"]["steps"] = 2.5
    traits = meta["attributes"]
    next(a for a in traits if a["trait_type"] == "Guidance")["value"] = "high"
    assert validate_metadata(meta) == [
        "The value of trait “Guidance” must be a number.",
        "Seed must be a number.",
        "Steps must be a whole number.",
    ]


def test_bad_background_colour(meta):
    meta["background_color"] = "#121417"
    assert validate_metadata(meta) == ["The background colour must be six hex digits without “#”, like 121417."]


def test_unknown_keys_are_named(meta):
    meta["descripton"] = "typo"
    meta["properties"]["generation"]["sead"] = 1
    assert validate_metadata(meta) == [
        "“descripton” is not a field of the metadata; check its spelling.",
        "“sead” is not a field of the generation settings; check its spelling.",
    ]


def test_messages_never_show_raw_validator_text(meta):
    meta.update(name="", external_url="ftp://x", attributes=[{"trait_type": "Seed", "display_type": "rank"}])
    meta["properties"]["generation"].update(width=513, guidance=31, sampler="fast")
    messages = validate_metadata(meta)
    assert messages == [
        "The value of trait “Seed” is missing.",
        "The display type of trait “Seed” must be one of: number, boost_number, boost_percentage, date.",
        "The external link must be a web address starting with https:// or http://.",
        "The name is empty.",
        "Guidance must be at most 30.",
        "The sampler must be one of: dpmpp_2m, euler_a, euler, ddim, unipc, pndm, turbo, lcm.",
        "Width must be a multiple of 8.",
    ]
    assert not any("'" in m or "is not of type" in m for m in messages)


def test_regeneration_request_round_trip(original, refined):
    for design in (original, refined):
        meta = json.loads(metadata_bytes(build_metadata(design, "d", image_uri=IMAGE)))
        assert regeneration_request(meta) == design.request.replace(seed=design.seed)


def test_regeneration_uses_this_images_seed_not_the_batch_start(lib):
    design = lib.add(_new(GenerationRequest(prompt="blue SM6", seed=10, batch=4), seed=12))
    request = regeneration_request(build_metadata(design, "d", image_uri=IMAGE))
    assert (request.seed, request.batch) == (12, 1)


def test_regeneration_needs_generation_settings():
    with pytest.raises(RequestError, match="cannot be regenerated"):
        regeneration_request({"name": "x", "description": "y", "image": IMAGE})


@pytest.mark.parametrize(
    "change",
    [
        {"guidance": 10**400},  # a whole number of 400 digits is valid JSON: it escaped as an OverflowError
        {"loras": [{"id": "detail", "weight": 10**400}]},
        {"prompt": ["a", "list"]},
        {"steps": "twenty"},
    ],
)
def test_generation_settings_of_the_wrong_kind_are_refused_in_words(change):
    generation = {"prompt": "p", "seed": 1, "steps": 20, "guidance": 7.0, "width": 512, "height": 512}
    with pytest.raises(RequestError) as refused:
        regeneration_request({"properties": {"generation": {**generation, "sampler": "euler", **change}}})
    assert "cannot be used to regenerate" in str(refused.value) or "cannot be regenerated" in str(refused.value)
    assert "Error" not in str(refused.value) and "10000" not in str(refused.value)
