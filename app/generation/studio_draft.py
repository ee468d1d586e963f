"""The studio's draft: what a person is composing (prompt, style, settings, guidance), kept in the data folder so a
quit, a crash or a power cut loses none of it, and put back at the next start.

The file is outside input on the way back (another version wrote it, a disk damaged it): it is read through
app.safejson and checked as a job's request is. Anything wrong with it means no draft, logged, never a message: the
studio then starts as it always has.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from app import safejson
from app.fsutil import atomic_write_text
from app.generation.request import GenerationRequest, RequestError

log = logging.getLogger(__name__)

DRAFT_NAME = "studio-draft.json"
VERSION = 1
MAX_BYTES = 256 * 1024  # a draft is a few kilobytes; a prompt is capped far below this


@dataclass(frozen=True)
class StudioDraft:
    request: GenerationRequest  # its prompt may be empty: a draft need not be ready to generate
    random_seed: bool  # a new seed each time, or the request's
    keep_shape: int  # percent of the starting picture kept, 0..100


def write_draft(folder: Path, draft: StudioDraft) -> None:
    """Whole or not at all (a crash mid-write leaves the last draft)."""
    data = {
        "version": VERSION,
        "request": draft.request.to_dict(),
        "random_seed": draft.random_seed,
        "keep_shape": draft.keep_shape,
    }
    atomic_write_text(folder / DRAFT_NAME, json.dumps(data, ensure_ascii=False, sort_keys=True))


def read_draft(folder: Path) -> StudioDraft | None:
    """The draft last written in `folder`, or None when there is none or it cannot be used (logged)."""
    path = folder / DRAFT_NAME
    try:
        data = safejson.load_file(path, str(path), max_bytes=MAX_BYTES)
    except FileNotFoundError:
        return None
    except (OSError, safejson.BadJSON) as exc:
        log.warning("the studio's draft %s was not read: %s", path, exc)
        return None
    try:
        return _checked(data)
    except (RequestError, KeyError, TypeError, ValueError) as exc:
        log.warning("the studio's draft %s was not used: %s %s", path, exc, getattr(exc, "details", ""))
        return None


def _checked(data) -> StudioDraft:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ValueError("not a draft this version writes")  # i18n: not shown (logged)
    saved = data["request"]
    if not isinstance(saved, dict):
        raise TypeError("its request is not an object")  # i18n: not shown (logged)
    request = GenerationRequest.from_dict(saved)
    if request.source == "design":  # the design it refined is not shown at a new start: the SM6 artwork instead
        request = request.replace(source="base", source_design_id=None)
    # Checked as a job's would be, but a draft may have no words yet.
    request.replace(prompt=request.prompt if request.prompt.strip() else "-").validate()
    random_seed, keep_shape = data["random_seed"], data["keep_shape"]
    if not isinstance(random_seed, bool):
        raise TypeError("random_seed is not true/false")  # i18n: not shown (logged)
    if isinstance(keep_shape, bool) or not isinstance(keep_shape, int) or not 0 <= keep_shape <= 100:
        raise ValueError("keep_shape is not a whole percent")  # i18n: not shown (logged)
    return StudioDraft(request, random_seed, keep_shape)
