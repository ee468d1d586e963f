"""Verify for short-listed entries: regenerate the picture from the entry's own metadata on this machine, as the
Token workspace does for a design (`app/token/verify.py`), and record what was found in the audit log.

Only entries that say how they were made can be checked: this app's tokens carry `properties.generation` with the
model's hash. An A1111 PNG or a plain picture cannot be regenerated, and a model that is not installed here is
named, so staff know what to install; so are a ControlNet or LoRA it was guided with, found by their content hashes
like the model."""

from __future__ import annotations

from typing import Any

from app.curation.interface import CurationStore
from app.curation.models import Submission
from app.errors import UserFacingError
from app.messages import Msg
from app.token.verify import VerifyResult, missing_part, verify

NOT_REGENERABLE = Msg(
    "curation.verify.not_regenerable",
    "This entry does not say how it was made (no generation settings in its metadata), so it cannot be regenerated "
    "to verify it.",
)
NO_PICTURE = Msg("curation.verify.no_picture", "This entry has no picture to compare with.")


def generation_of(submission: Submission) -> dict[str, Any] | None:
    metadata = submission.metadata if isinstance(submission.metadata, dict) else None
    properties = metadata.get("properties") if metadata else None
    generation = properties.get("generation") if isinstance(properties, dict) else None
    return generation if isinstance(generation, dict) and generation.get("model_sha256") else None


def can_verify(backend: Any, submission: Submission) -> bool:
    """The entry says how it was made, and its model, ControlNet, LoRAs and starting picture are all here (may hash
    model files: off the UI thread)."""
    return generation_of(submission) is not None and missing_part(backend, submission.metadata) is None


def verify_entry(
    store: CurationStore, backend: Any, submission: Submission, *, by: int | None, round_id: int | None = None
) -> VerifyResult:
    """Regenerate and compare (blocks for as long as generating takes: off the UI thread); the verdict is logged."""
    if generation_of(submission) is None:
        raise UserFacingError(NOT_REGENERABLE())
    image = store.image(submission.image_sha256) if submission.image_sha256 else None
    if not image:
        raise UserFacingError(NO_PICTURE())
    result = verify(backend, submission.metadata, image)
    details = {"verdict": result.verdict, "distance": result.distance, "compared": result.compared}
    store.log("verify", details, by=by, round_id=round_id, entry=submission.key)
    return result
