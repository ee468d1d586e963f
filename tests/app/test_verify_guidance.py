"""Tokens of guided designs: the metadata records the view, mask, ControlNet and LoRAs (with their content hashes),
Verify finds the same files by hash and regenerates the same pixels, and anything missing is named in a sentence."""

from __future__ import annotations

import copy
import io
import json

import pytest
from PIL import Image

from app.curation.models import EntryFilter
from app.curation.sources.library_source import read_library
from app.curation.store import open_store
from app.curation.verify_entry import can_verify, verify_entry
from app.errors import RequestError, UserFacingError
from app.generation.pictures import default_store
from app.token.assemble import assemble_token
from app.token.metadata import metadata_bytes, regeneration_request, validate_metadata
from app.token.verify import missing_part, verify
from tests.app.engine_helpers import make_engine, quick_request


@pytest.fixture
def guided_engine(tiny_sd15, tiny_controlnet, tiny_lora, models_dir, isolated_dirs):
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    yield engine, rec, library
    engine.shutdown()
    library.close()


@pytest.fixture
def guided_token(guided_engine):
    """A token of a design made from the front three-quarter artwork, body repainted, with the tiny ControlNet at
    0.8 and the tiny LoRA at 0.7."""
    engine, rec, library = guided_engine
    control, lora = engine.addons("controlnet")[0], engine.addons("lora")[0]
    request = quick_request(
        source="base",
        view="front34",
        mask="body",
        control_model=control.id,
        control_strength=0.8,
        loras=((lora.id, 0.7),),
        seed=21,
    )
    design = rec.wait_job(engine.submit(request).id).designs[0]
    library.save_description(design.id, "en", "A guided SM6.")
    return engine, assemble_token(library, design, language="en"), control, lora, library


def with_generation(metadata: dict, **changes) -> dict:
    changed = copy.deepcopy(metadata)
    changed["properties"]["generation"].update(changes)
    return changed


def test_a_guided_token_records_its_guidance_and_verifies_pixel_for_pixel(guided_token):
    engine, draft, control, lora, _ = guided_token
    gen = draft.metadata["properties"]["generation"]
    assert (gen["view"], gen["mask"], gen["source_picture"], gen["decoder"]) == ("front34", "body", "", "vae")
    control_sha, lora_sha = gen["control"]["sha256"], gen["loras"][0]["sha256"]
    assert {k: v for k, v in gen["control"].items() if k != "sha256"} == {
        "id": control.id,
        "name": "tiny-controlnet",
        "strength": 0.8,
        "hint": "edges",
    }
    assert [{k: v for k, v in gen["loras"][0].items() if k != "sha256"}] == [
        {"id": lora.id, "name": "tiny-style", "weight": 0.7}
    ]
    # The hashes are the files' own: another machine finds the same files by them, whatever they are called there.
    assert engine.model_with_hash(control_sha, kind="controlnet").id == control.id
    assert engine.model_with_hash(lora_sha, kind="lora").id == lora.id
    assert draft.problems == [] and validate_metadata(draft.metadata) == []
    # What a marketplace or another copy of the app reads back is the request that made the design.
    rebuilt = regeneration_request(json.loads(metadata_bytes(draft.metadata)))
    assert rebuilt == draft.design.request.replace(seed=draft.design.seed)

    result = verify(engine, draft.metadata, draft.image_bytes)
    assert (result.verdict, result.compared, result.distance) == ("exact", "pixels", 0)
    renamed = with_generation(
        draft.metadata,
        control={**gen["control"], "id": "canny-on-another-machine"},
        loras=[{**gen["loras"][0], "id": "style-on-another-machine"}],
    )
    assert verify(engine, renamed, draft.image_bytes).verdict == "exact"

    # Anything missing is named, before any work starts.
    no_control = with_generation(draft.metadata, control={**gen["control"], "sha256": "0" * 64})
    with pytest.raises(UserFacingError) as caught:
        verify(engine, no_control, draft.image_bytes)
    assert caught.value.message == (
        "The ControlNet “tiny-controlnet” used for this design is not installed. Install it, then verify again."
    )
    no_lora = with_generation(draft.metadata, loras=[{**gen["loras"][0], "sha256": "1" * 64}])
    assert str(missing_part(engine, no_lora)) == (
        "The LoRA “tiny-style” used for this design is not installed. Install it, then verify again."
    )
    assert missing_part(engine, draft.metadata) is None


def test_curation_verifies_a_guided_entry_and_names_a_missing_lora(guided_token, tmp_path):
    engine, _, _, lora, library = guided_token
    store = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    try:
        store.add(list(read_library(library)))
        (entry,) = store.submissions(store.page_keys(EntryFilter(), limit=10))
        assert can_verify(engine, entry)
        assert verify_entry(store, engine, entry, by=None).verdict == "exact"

        lora.path.unlink()  # the LoRA leaves this machine
        engine.refresh_models()
        assert not can_verify(engine, entry)
        with pytest.raises(UserFacingError, match="The LoRA “tiny-style” used for this design is not installed"):
            verify_entry(store, engine, entry, by=None)
    finally:
        store.close()


def test_a_design_started_from_a_loaded_picture_verifies_while_the_picture_is_kept(guided_engine):
    engine, rec, library = guided_engine
    sketch = io.BytesIO()
    Image.new("RGB", (96, 64), (240, 240, 240)).save(sketch, format="PNG")
    sha = default_store().add_bytes(sketch.getvalue())
    control = engine.addons("controlnet")[0]
    request = quick_request(source="picture", source_picture=sha, control_model=control.id, control_hint="edges")
    design = rec.wait_job(engine.submit(request).id).designs[0]
    library.save_description(design.id, "en", "From a sketch.")
    draft = assemble_token(library, design, language="en")
    gen = draft.metadata["properties"]["generation"]
    assert (gen["source"], gen["source_picture"]) == ("picture", sha)
    assert verify(engine, draft.metadata, draft.image_bytes).verdict == "exact"

    default_store().path_of(sha).unlink()
    with pytest.raises(UserFacingError, match="sketch or photo this design started from is not in this computer"):
        verify(engine, draft.metadata, draft.image_bytes)


# --- metadata from outside: old tokens still read, hostile ones are refused in words --------------------------------

OLD_GENERATION = {
    "prompt": "pearl white",
    "negative_prompt": "",
    "preset": "studio",
    "seed": 7,
    "steps": 3,
    "guidance": 7.0,
    "width": 64,
    "height": 64,
    "sampler": "dpmpp_2m",
    "source": "base",
    "source_design_id": None,
    "strength": 0.6,
    "model_id": "tiny-sd15",
    "model_name": "tiny-sd15",
    "model_sha256": "a" * 64,
    "device": "CPU",
    "app_version": "0.9.0",
}


def token(generation: dict) -> dict:
    return {"name": "x", "description": "y", "image": "ipfs://x", "properties": {"generation": generation}}


def test_a_token_from_before_guidance_was_recorded_still_reads():
    request = regeneration_request(token(OLD_GENERATION))
    assert (request.view, request.mask, request.control_model, request.loras) == ("side", "none", "", ())
    assert (request.source, request.seed, request.steps) == ("base", 7, 3)
    assert validate_metadata(token(OLD_GENERATION)) == []


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"prompt": 12}, "damaged or incomplete"),
        ({"seed": "7"}, "damaged or incomplete"),
        ({"guidance": True}, "damaged or incomplete"),
        ({"control": "canny"}, "damaged or incomplete"),
        ({"control": {"name": "c", "sha256": "", "strength": 9, "hint": "edges"}}, "strength must be between"),
        ({"control": {"name": "c", "sha256": "", "strength": 1, "hint": "sound"}}, "Unknown guide"),
        ({"loras": [{"name": "x"}]}, "damaged or incomplete"),
        ({"loras": [{"name": "x", "sha256": "", "weight": 5}]}, "weight of the LoRA"),
        ({"loras": "x"}, "damaged or incomplete"),
        ({"loras": [{"name": "x", "sha256": "", "weight": 1}] * 9}, "list of LoRAs"),
        ({"view": "top"}, "Unknown view"),
        ({"mask": "body", "source": "none"}, "start from the SM6 artwork"),
        ({"source": "picture"}, "Load a sketch or photo"),
        ({"decoder": "jpeg"}, "Unknown final decoder"),
        ({"steps": 10**9}, "Steps"),
    ],
)
def test_hostile_generation_settings_are_refused_in_words(changes, words):
    with pytest.raises(RequestError) as caught:
        regeneration_request(token({**OLD_GENERATION, **changes}))
    assert words in caught.value.message and "Traceback" not in caught.value.message


def test_hostile_guidance_fields_are_named_by_validation():
    generation = {
        **OLD_GENERATION,
        "view": "top",
        "control": {"name": "c", "sha256": "xyz", "strength": 3, "hint": "edges", "extra": 1},
        "loras": [{"name": "x", "sha256": "", "weight": 9}],
    }
    assert sorted(validate_metadata(token(generation))) == sorted(
        [
            "The ControlNet's hash is not in the expected form.",
            "“extra” is not a field of the ControlNet settings; check its spelling.",
            "The ControlNet's strength must be at most 2.",
            "A LoRA's weight must be at most 2.",
            "The view must be one of: side, front34, rear34.",
        ]
    )
