"""Verify regenerates a token's image from its metadata on the real (tiny) engine and says how it compared."""

from __future__ import annotations

import pytest

from app.errors import UserFacingError
from app.token.assemble import assemble_token
from app.token.verify import verify
from tests.app.engine_helpers import make_engine, quick_request


@pytest.fixture
def minted_draft(tiny_sd15, models_dir, isolated_dirs):
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    design = rec.wait_job(engine.submit(quick_request(source="base", strength=0.6, seed=21)).id).designs[0]
    library.save_description(design.id, "en", "A pearl white SM6.")
    yield engine, library, assemble_token(library, design, language="en")
    engine.shutdown()
    library.close()


def test_same_device_regenerates_the_same_pixels(minted_draft):
    engine, library, draft = minted_draft
    before = library.count()
    result = verify(engine, draft.metadata, draft.image_bytes)
    assert (result.verdict, result.compared, result.distance) == ("exact", "pixels", 0)
    assert "same pixels" in result.message
    assert library.count() == before  # a check adds nothing to the library


def test_another_device_is_judged_by_perceptual_hash(minted_draft):
    engine, _, draft = minted_draft
    metadata = {**draft.metadata, "properties": {"generation": {**draft.metadata["properties"]["generation"]}}}
    metadata["properties"]["generation"]["device"] = "CUDA · some other GPU"
    result = verify(engine, metadata, draft.image_bytes)
    assert result.verdict == "similar" and result.compared == "perceptual hash"
    assert "another device" in result.message


def test_a_different_image_is_not_verified(minted_draft):
    engine, library, draft = minted_draft
    engine.submit(quick_request(seed=999, source="none"))
    engine.wait_idle(60)
    unrelated = open(library.list()[0].image_path, "rb").read()  # newest: another design entirely
    result = verify(engine, draft.metadata, unrelated)
    assert result.verdict == "different" and "Not verified" in result.message


def test_a_missing_model_is_explained(minted_draft):
    engine, _, draft = minted_draft
    metadata = {**draft.metadata, "properties": {"generation": {**draft.metadata["properties"]["generation"]}}}
    metadata["properties"]["generation"]["model_sha256"] = "0" * 64
    with pytest.raises(UserFacingError, match="not installed here"):
        verify(engine, metadata, draft.image_bytes)
