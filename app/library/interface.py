"""What a design store is, for every front end and the saver: `DesignStore`, and the `ImageStore` beneath it.

The SQLite `Library` (app/library/store.py) is today's one implementation; a shared PostgreSQL store for several
curation judges is meant to be another. Callers type their parameter as `DesignStore` and use nothing else, and
`tests/app/store_contract.py` states, once, what every implementation must do (docs/ARCHITECTURE.md, "Design store").

Shared rules:
- Newest first everywhere. Every design has an integer key that grows as designs are made; pages are keyset pages
  (`page_keys`/`page` below or between keys), never OFFSET, so a page costs the same at 100,000 designs as at 10.
- The visitor scope (`set_visible_since`, a kiosk's current visitor) applies to every read and every edit by id:
  it belongs to the store handle, not to a filter, so no path can reach an earlier visitor's design.
- Every write publishes its `Change` on `changes` after it is durable; a write that fails publishes nothing.
- A removed design is kept, out of every read, until it is purged: Undo (`restore`) brings it back where it was.
- A read-only store reads as usual and refuses every write with a `StorageError` saying why (`read_only_reason`).
- Reads and writes may be slow (disk, network): front ends call them on a worker, never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Protocol, runtime_checkable

from app.library.models import DescriptionRecord, Design, DesignFilter, DraftRecord, NewDesign

if TYPE_CHECKING:
    from app.changes import ChangeFeed

Row = tuple[int, Design | None]  # (key, design; None when its saved row is damaged but still holds its place)


@runtime_checkable
class ImageStore(Protocol):
    """Content-addressed PNGs: an image's name is the SHA-256 of its bytes (app/library/images.py)."""

    def put(self, png: bytes) -> str:
        """Keep the bytes (idempotent, atomic, durable); returns their SHA-256."""
        ...

    def path(self, sha256: str) -> Path:
        """A local file holding the image, for viewers and thumbnails."""
        ...

    def open(self, sha256: str) -> bytes:
        """The bytes; KeyError when the image is not here."""
        ...

    def has(self, sha256: str) -> bool: ...

    def discard(self, sha256: str) -> None:
        """Remove an image no design refers to any more; never raises."""
        ...


@runtime_checkable
class DesignStore(Protocol):
    """Every design ever made, their lineage, favourites and descriptions (see the module docstring's rules)."""

    changes: ChangeFeed
    images: ImageStore
    # The local folder this store keeps its files in; a failed save's images wait in it (recovery.py). A server-backed
    # store has one too: its image cache and the folder the person chose.
    data_dir: Path
    images_dir: Path  # where the image files are, for a sentence telling a person where their pictures are

    # --- state ---
    @property
    def is_read_only(self) -> bool: ...
    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved, in words; "" when the store is writable."""
        ...

    @property
    def damaged_count(self) -> int:
        """Designs seen so far whose saved row could not be read (left out of answers, or None in pages)."""
        ...

    @property
    def visible_since(self) -> float | None: ...
    def set_visible_since(self, started_at: float | None) -> None: ...
    def close(self) -> None: ...

    # --- adding ---
    def add(self, new: NewDesign) -> Design: ...
    def add_many(self, news: Iterable[NewDesign]) -> list[Design]:
        """All or none, in one transaction; the same PNG twice is one image shown by two designs."""
        ...

    # --- reading one ---
    def get(self, design_id: str) -> Design | None: ...
    def existing(self, design_ids: Iterable[str]) -> set[str]: ...
    def has_image(self, sha256: str) -> bool:
        """Whether any design shows exactly this image."""
        ...

    def image_path(self, sha256: str) -> Path: ...
    def lineage(self, design_id: str) -> list[Design]:
        """From the root ancestor down to `design_id`; [] when it does not exist."""
        ...

    def children(self, design_id: str) -> list[Design]:
        """Designs refined directly from it, oldest first."""
        ...

    # --- listings (newest first; keyset pages) ---
    def count(self, *, search: str = "", favourites_only: bool = False) -> int: ...
    def page_keys(self, flt: DesignFilter, *, below: int | None = None, limit: int) -> list[int]: ...
    def page(self, flt: DesignFilter, *, newest: int, older_than: int | None, limit: int) -> list[Row]: ...
    def newest_ids(self, flt: DesignFilter, *, limit: int) -> list[str]: ...
    def key_of(self, design_id: str, flt: DesignFilter) -> int | None: ...

    # --- editing ---
    def set_favourite(self, design_id: str, value: bool) -> Design: ...
    def remove(self, design_id: str) -> None:
        """Leave the design out of every read at once (publishes DesignDeleted), keeping it for `restore`."""
        ...

    def restore(self, design_id: str) -> Design:
        """Undo a removal: the design is back in its place, with its descriptions (publishes DesignRestored)."""
        ...

    def purge_removed(self, older_than_s: float = ...) -> int:
        """Delete for good the designs removed more than `older_than_s` ago (a day by default), as `delete` does."""
        ...

    def delete(self, design_id: str) -> None:
        """The design, its descriptions and drafts, at once and for good; its image too unless another design shows
        it."""
        ...

    # --- descriptions ---
    def add_draft(
        self,
        design_id: str,
        *,
        language: str,
        source: str,
        model: str,
        prompt: str,
        text: str,
        finish_reason: str | None,
        created_at: float | None = None,
    ) -> DraftRecord: ...
    def save_description(
        self, design_id: str, language: str, text: str, based_on_draft_id: str | None = None
    ) -> DescriptionRecord: ...
    def drafts(self, design_id: str, language: str | None = None) -> list[DraftRecord]: ...
    def latest_draft(self, design_id: str, language: str) -> DraftRecord | None: ...
    def description(self, design_id: str, language: str) -> DescriptionRecord | None: ...
    def descriptions(self, design_id: str) -> dict[str, DescriptionRecord]: ...
