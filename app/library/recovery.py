"""Designs whose row could not be written keep their image, and come back into the library on the next start.

A generated image is worth a minute of GPU time and cannot always be made again (a model since removed), so a
save that fails (the library locked, the disk full, a damaged database, a read-only folder) must not lose it:
- `keep_aside` puts its PNG in the data folder's `recovered/` folder (a hard link to the stored image when there
  is one: no extra space on a full disk), else in a folder in the system's temporary space, and says where;
- `design_from_png` rebuilds everything the row held from the metadata every PNG this app writes carries
  (our request and details JSON and the A1111 parameters text), so the library can adopt the file later.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import StorageError
from app.fsutil import atomic_write_bytes
from app.generation import pngmeta
from app.library import messages as msgs
from app.library.models import NewDesign, request_from_saved
from app.messages import Message

if TYPE_CHECKING:
    from app.library.store import Library

log = logging.getLogger(__name__)

RECOVERED_DIR = "recovered"
MAX_PNG_BYTES = 256 * 1024 * 1024  # far above any design (2048² RGB is ~12 MB); a bigger file is not ours
_NEGATIVE = "Negative prompt: "


def fallback_dir() -> Path:
    """Where an image goes when the data folder cannot take it: private to this user, outside the data folder."""
    return Path(tempfile.gettempdir()) / "sm6-recovered"


@dataclass(frozen=True)
class Kept:
    """Where the images of a failed save are now. `adopted`: they will join the library at the next start."""

    paths: tuple[Path, ...]
    adopted: bool

    def sentence(self) -> Message:
        """What to tell the person, in one or two sentences."""
        if not self.paths:
            return msgs.IMAGE_NOT_KEPT()
        if len(self.paths) == 1:
            return (msgs.KEPT_ONE_ADOPTED if self.adopted else msgs.KEPT_ONE)(where=self.paths[0])
        many = msgs.KEPT_MANY_ADOPTED if self.adopted else msgs.KEPT_MANY
        return many(folder=self.paths[0].parent, count=len(self.paths))


def keep_aside(data_dir: Path, images: list[tuple[str, bytes, Path]]) -> Kept:
    """Keep each (sha256, png bytes, its place in the library's images folder, written or not) where it survives."""
    recovered = Path(data_dir) / RECOVERED_DIR
    kept: list[Path] = []
    adopted = True
    for sha, png, stored in images:
        name = f"{sha}.png"
        if _keep_in(recovered / name, png, stored):
            kept.append(recovered / name)
        elif _keep_in(fallback_dir() / name, png, None):
            kept.append(fallback_dir() / name)
            adopted = False
        elif _complete(stored, png):  # nowhere new, but the library's own copy is whole: point there
            kept.append(stored)
            adopted = False
    return Kept(tuple(kept), adopted and len(kept) == len(images))


def _keep_in(target: Path, png: bytes, stored: Path | None) -> bool:
    try:
        if _complete(target, png):
            return True
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if stored is not None and _complete(stored, png):
            try:
                os.link(stored, target)  # the same bytes under a second name: costs no space
                return True
            except FileExistsError:
                os.unlink(target)  # a stale or partial file of that name: replace it below
            except OSError:
                pass  # a file system without hard links: copy instead
        atomic_write_bytes(target, png)
        return True
    except OSError as exc:
        log.warning("could not keep a design's image in %s: %s", target.parent, exc)
        return False


def _complete(path: Path | None, png: bytes) -> bool:
    try:
        return path is not None and path.is_file() and path.stat().st_size == len(png)
    except OSError:
        return False


def take_back(library: "Library", *, rebuild: bool) -> int:
    """Add the images of saves that failed earlier; for a new library (`rebuild`), every image already in its
    folder too. Returns how many designs were added. Never raises: what cannot be added yet waits for next time."""
    files = recovered_files(library.data_dir)
    if rebuild:
        files = library.images.files() + files
    added = 0
    for path in files:
        png = read_png(path)
        new = design_from_png(png) if png is not None else None
        if new is None:
            continue  # not one of ours, or damaged: left where it is for the person to look at
        try:
            if not library.has_image(hashlib.sha256(new.png).hexdigest()):
                library.add_many([new])
                added += 1
        except StorageError as exc:  # still cannot be written: the files wait for the next start
            log.warning("could not take back the kept images yet: %s", exc.details or exc.message)
            break
        if path.parent.name == RECOVERED_DIR:
            try:
                path.unlink()
            except OSError as exc:  # in the library already, so it is only left over
                log.info("could not remove %s: %s", path, exc)
    if added:
        log.info("%d design(s) added back to the library from their images", added)
    return added


def recovered_files(data_dir: Path) -> list[Path]:
    """The images waiting in `recovered/`, oldest first (the order they were made)."""
    folder = Path(data_dir) / RECOVERED_DIR
    try:
        files = [f for f in folder.iterdir() if f.suffix == ".png" and f.is_file()]
        return sorted(files, key=lambda f: (f.stat().st_mtime_ns, f.name))
    except OSError:  # no such folder (the usual case), or it cannot be read
        return []


def stored_images(images_dir: Path) -> list[Path]:
    """Every image in the library's images folder, oldest first: what a new library is rebuilt from."""
    try:
        files = [f for f in Path(images_dir).glob("??/*.png") if f.is_file()]
        return sorted(files, key=lambda f: (f.stat().st_mtime_ns, f.name))
    except OSError:
        return []


def read_png(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_PNG_BYTES + 1)
    except OSError as exc:
        log.warning("could not read %s to add it to the library: %s", path, exc)
        return None
    return data if len(data) <= MAX_PNG_BYTES else None


def design_from_png(png: bytes) -> NewDesign | None:
    """The design a PNG made by this app records, ready to store again; None for any other or a damaged file."""
    try:
        meta = pngmeta.read_png_metadata(png)
    except (ValueError, RecursionError) as exc:  # not a PNG, a damaged chunk, JSON that is not JSON
        log.info("not a design image: %s", exc)
        return None
    details, parameters = meta.get("meta"), meta.get("parameters")
    if not isinstance(details, dict) or not isinstance(parameters, str) or meta.get("request") is None:
        return None  # a PNG from elsewhere: ours always carry all three
    try:
        request = request_from_saved(meta["request"])
        model = details.get("model") or {}
        seed, device, parent = details.get("seed"), details.get("device", ""), details.get("parent_id")
        name, sha = model.get("name", ""), model.get("sha256") or ""
        if not all(isinstance(v, str) for v in (device, name, sha)) or not isinstance(seed, int):
            raise ValueError("the design details have the wrong shape")
        if parent is not None and not isinstance(parent, str):
            raise ValueError("the parent design id is not text")
    except (ValueError, AttributeError) as exc:  # AttributeError: "model" is not an object
        log.warning("a design image with damaged details was left out: %s", exc)
        return None
    positive, negative = split_parameters(parameters)
    return NewDesign(
        png=png,
        request=request,
        seed=seed,
        prompt_final=positive,
        negative_final=negative,
        model_name=name,
        model_hash=sha,
        device=device,
        parent_id=parent,
    )


def split_parameters(text: str) -> tuple[str, str]:
    """(final prompt, final negative prompt) from A1111's parameters text, as `pngmeta.a1111_parameters` wrote it.

    The last line holds the settings (values with a line break are quoted there); the negative prompt follows the
    first line that starts with "Negative prompt: "."""
    body = text.rpartition("\n")[0]
    if body.startswith(_NEGATIVE):
        return "", body[len(_NEGATIVE) :]
    positive, found, negative = body.partition("\n" + _NEGATIVE)
    return (positive, negative) if found else (body, "")
