"""Keeping what a generation backend makes: each finished image becomes a design in the library.

The saver is the backend's image sink (app/generation/backend.py): the backend calls `keep` on its hand-off thread
for every image of a job submitted with save=True, and announces the returned Design in ImageReady only after this
returns, so a design the UI hears of is always safely on disk. A save that fails keeps the image where the next
start adds it back (app/library/recovery.py) and fails the job with a sentence saying where it is.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from app.errors import StorageError, UserFacingError
from app.generation.generated import GeneratedImage
from app.library import messages as msgs
from app.library import recovery
from app.library.interface import DesignStore
from app.library.models import Design, NewDesign

log = logging.getLogger(__name__)

UNEXPECTED = msgs.SAVE_UNEXPECTED


def new_design(image: GeneratedImage) -> NewDesign:
    return NewDesign(
        png=image.png,
        request=image.request,
        seed=image.seed,
        prompt_final=image.prompt_final,
        negative_final=image.negative_final,
        model_name=image.model_name,
        model_hash=image.model_hash,
        device=image.device,
        parent_id=image.parent_id,
    )


class LibrarySaver:
    def __init__(self, library: DesignStore) -> None:
        self.library = library

    def attach(self, backend) -> "LibrarySaver":
        """Become `backend`'s image sink; designs to refine are looked up here too (see `source_image`)."""
        backend.set_image_sink(self.keep)
        return self

    def detach(self, backend) -> None:
        backend.set_image_sink(None)

    def keep(self, image: GeneratedImage) -> Design:
        try:
            return self.library.add(new_design(image))
        except UserFacingError:  # the library already kept the image aside and says where (store.add_many)
            raise
        except Exception as exc:  # noqa: BLE001 - whatever broke, the image must survive it
            log.exception("saving a generated design failed")
            kept = self._keep_aside(image)
            raise StorageError(UNEXPECTED(kept=kept.sentence()), f"{type(exc).__name__}: {exc}") from exc

    def source_image(self, design_id: str) -> Path | None:
        """The image of the design a request refines, None when that design is gone from the library."""
        design = self.library.get(design_id)
        return Path(design.image_path) if design is not None else None

    def _keep_aside(self, image: GeneratedImage) -> recovery.Kept:
        sha = hashlib.sha256(image.png).hexdigest()
        stored = self.library.image_path(sha)
        return recovery.keep_aside(self.library.data_dir, [(sha, image.png, Path(stored))])
