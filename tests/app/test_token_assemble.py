"""A design and its description become the exact bytes and CIDs a token will name."""

from __future__ import annotations

import io
import json

from PIL import Image

from app.generation.request import GenerationRequest
from app.library.models import NewDesign
from app.library.store import Library
from app.token.assemble import assemble_token, export_car
from app.token.car import read_car
from app.token.cid import KUBO_LEGACY, file_cid


def _design(library):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (240, 240, 245)).save(buffer, "PNG")
    return library.add(
        NewDesign(
            png=buffer.getvalue(),
            request=GenerationRequest(prompt="pearl white", seed=9),
            seed=9,
            prompt_final="x",
            negative_final="",
            model_name="m",
            model_hash="ab" * 32,
            device="CPU",
        )
    )


def test_the_token_names_its_image_and_metadata_by_cid(tmp_path):
    library = Library.open(tmp_path / "data")
    design = _design(library)
    library.save_description(design.id, "ko", "부산의 밤을 닮은 펄 화이트 SM6.")
    draft = assemble_token(library, design, token_number=7)
    assert draft.ready and draft.problems == []
    assert draft.metadata["image"] == f"ipfs://{file_cid(draft.image_bytes)}"
    assert draft.metadata["name"] == "Create Your SM6 #7"
    assert json.loads(draft.metadata_bytes) == draft.metadata
    assert draft.metadata_cid == file_cid(draft.metadata_bytes) and draft.token_uri.startswith("ipfs://bafk")
    legacy = assemble_token(library, design, token_number=7, profile=KUBO_LEGACY)
    assert legacy.image_cid.startswith("Qm") and legacy.metadata["image"] == f"ipfs://{legacy.image_cid}"
    library.close()


def test_missing_description_is_a_plain_problem(tmp_path):
    library = Library.open(tmp_path / "data")
    draft = assemble_token(library, _design(library))
    assert not draft.ready and draft.problems == ["The description is empty."]
    library.close()


def test_car_export_holds_metadata_and_image(tmp_path):
    library = Library.open(tmp_path / "data")
    design = _design(library)
    library.save_description(design.id, "en", "A pearl white SM6.")
    draft = assemble_token(library, design, language="en")
    roots, blocks = read_car(export_car(draft, tmp_path / "token.car"))
    assert roots == [draft.metadata_cid, draft.image_cid]
    assert blocks[draft.metadata_cid] == draft.metadata_bytes and blocks[draft.image_cid] == draft.image_bytes
    library.close()
