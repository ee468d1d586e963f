"""Submissions from this machine's library: every design, newest first, read a keyset page at a time, each as the
token it would become (app/token/assemble.assemble_token: the same metadata, traits and CIDs a mint would make)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from app.curation.models import INVALID_METADATA, UNREADABLE_IMAGE, Candidate, Problem
from app.curation.sources import metadata_entry as meta
from app.curation.sources.image_check import check_picture
from app.library.interface import DesignStore
from app.library.models import Design, DesignFilter
from app.messages import Msg
from app.token.assemble import assemble_token

PAGE = 200

DESIGN_DAMAGED = Msg(
    "curation.import.design_damaged",
    "A design in the library (number {key}) has damaged saved settings, so it cannot be judged.",
)
DESIGN_IMAGE_MISSING = Msg(
    "curation.import.design_image_missing", "The picture of design {design} is missing from the library's folder."
)


def library_count(library: DesignStore) -> int:
    """How many designs `read_library` steps through (for progress and an estimate)."""
    return library.count()


def read_library(library: DesignStore, descriptions: str = "en", *, below: int | None = None) -> Iterator[Candidate]:
    """Every design as a candidate, newest first. `descriptions`: the language of the saved description each carries
    ("" when none is saved in it). `below`: resume under this listing key (a key `library_steps` gave)."""
    for _key, candidate in library_steps(library, descriptions, below=below):
        yield candidate


def library_steps(
    library: DesignStore, descriptions: str = "en", *, below: int | None = None
) -> Iterator[tuple[int, Candidate]]:
    """(listing key, candidate) pairs, newest first: an importer keeps the last key to resume after a crash."""
    flt = DesignFilter()
    while True:
        keys = library.page_keys(flt, below=below, limit=PAGE)
        if not keys:
            return
        # Keys only grow, so the page "at or below the first key, this many rows" is exactly these keys.
        for key, design in library.page(flt, newest=keys[0], older_than=keys[-1] - 1, limit=len(keys)):
            yield key, _candidate(library, key, design, descriptions)
        below = keys[-1]


def _candidate(library: DesignStore, key: int, design: Design | None, language: str) -> Candidate:
    if design is None:
        problem = Problem(INVALID_METADATA, DESIGN_DAMAGED(key=key))
        return Candidate(f"library:#{key}", "library", f"#{key}", problem=problem)
    base = Candidate(
        f"library:{design.id}",
        "library",
        design.id,
        prompt=design.request.prompt,
        model_hash=design.model_hash,
        created_at=design.created_at,
    )
    try:
        draft = assemble_token(library, design, language=language)
    except OSError:
        return replace(base, problem=Problem(UNREADABLE_IMAGE, DESIGN_IMAGE_MISSING(design=design.id)))
    described = replace(
        base,
        name=meta.text(draft.metadata, "name"),
        description=meta.text(draft.metadata, "description"),
        traits=meta.traits(draft.metadata),
        metadata=draft.metadata,
        generation=meta.generation(draft.metadata),
        image_cid=draft.image_cid,
        metadata_cid=draft.metadata_cid,
    )
    checked = check_picture(draft.image_bytes, design.id)
    if isinstance(checked, Problem):
        return replace(described, problem=checked)
    return replace(
        described, image=draft.image_bytes, image_sha256=checked.sha256, width=checked.width, height=checked.height
    )
