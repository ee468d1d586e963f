"""Submissions from a folder or a ZIP: PNGs made by this app or by AUTOMATIC1111, plain PNG/JPEG pictures, token
metadata JSON (with the picture it names) and CAR files, each turned into one `Candidate`.

Items are the recognised files in sorted order (`list_items`); `iter_source` yields one step per item, so an importer
can show progress and resume at a position. A metadata file and the picture it names are one candidate, yielded at
the metadata's position; the picture's own position then yields nothing. Before the first step only the metadata
files are read (small, capped), to learn which pictures they claim; pictures are read one at a time as their step
comes, so memory stays bounded whatever the folder holds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREADABLE_IMAGE, Candidate, Problem
from app.curation.sources import metadata_entry as meta
from app.curation.sources.archive import ZipContainer
from app.curation.sources.car_entry import read_car_entry
from app.curation.sources.containers import CAR, LIMITS, METADATA, PICTURES, FolderContainer, Limits, Refused
from app.curation.sources.entry_parse import png_provenance
from app.curation.sources.image_check import Picture, check_picture, sha256_hex
from app.messages import Msg
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, file_cid
from app.token.metadata import prompt_title

IMAGE_NOT_FOUND = Msg(
    "curation.import.image_not_found", "The metadata in {file} names the image {image}, which is not among the files."
)
IMAGE_NOT_NAMED = Msg("curation.import.image_not_named", "The metadata in {file} does not name its image.")
IMAGE_CID_MISMATCH = Msg(
    "curation.import.image_cid_mismatch",
    "The metadata in {file} names the image {cid}, but {image} is another file (its CID is {found}).",
)


@dataclass(frozen=True)
class Step:
    position: int  # index in list_items()
    item: str  # the item's name (its path inside the folder or ZIP)
    candidate: Candidate | None  # None: this item is part of a candidate yielded at another position


def open_container(path: Path | str, limits: Limits = LIMITS) -> FolderContainer | ZipContainer:
    """The folder or ZIP at `path`; UserFacingError when it is neither, which is the one failure of a whole source."""
    path = Path(path)
    return FolderContainer(path, limits) if path.is_dir() else ZipContainer(path, limits)


def list_items(path: Path | str, limits: Limits = LIMITS) -> list[str]:
    """The item names `iter_source` steps through, in its order (cheap: no file is read)."""
    with open_container(path, limits) as container:
        return container.names()


def read_source(path: Path | str, *, start: int = 0, limits: Limits = LIMITS) -> Iterator[Candidate]:
    """Every candidate of the folder or ZIP at `path`, from item position `start` on."""
    for step in iter_source(path, start=start, limits=limits):
        if step.candidate is not None:
            yield step.candidate


read_folder = read_source
read_zip = read_source


def iter_source(path: Path | str, *, start: int = 0, limits: Limits = LIMITS) -> Iterator[Step]:
    """One Step per item from position `start`. Raises UserFacingError only when the source cannot be opened."""
    container = open_container(path, limits)
    with container:
        names = container.names()
        reader = _Reader(container, names, limits)
        for position in range(start, len(names)):
            yield Step(position, names[position], reader.candidate(names[position]))


class _Reader:
    def __init__(self, container: FolderContainer | ZipContainer, names: list[str], limits: Limits) -> None:
        self.container, self.limits = container, limits
        self.source = container.kind
        self.pictures = [name for name in names if name.lower().endswith(PICTURES)]
        self.image_of: dict[str, str] = {}  # metadata item -> the picture item it names
        self._claim(names)
        self.claimed = set(self.image_of.values())

    # --- which pictures belong to a metadata file ---

    def _claim(self, names: list[str]) -> None:
        wanted: dict[str, list[str]] = {}  # CID -> metadata items naming it
        by_stem = {PurePosixPath(name).stem: name for name in self.pictures}
        pictures = set(self.pictures)
        for name in names:
            if not name.lower().endswith(METADATA):
                continue
            metadata = self._metadata(name)
            relative = meta.image_file(metadata, name)
            cid = meta.image_cid(metadata)
            if relative in pictures:
                self.image_of[name] = relative
            elif cid and cid in by_stem:  # exported folders name pictures by their CID
                self.image_of[name] = by_stem[cid]
            elif cid:
                wanted.setdefault(cid, []).append(name)
        if wanted:  # only then is every picture read an extra time, for its CID
            for picture in self.pictures:
                for cid in self._cids(picture, wanted):
                    for name in wanted.pop(cid):
                        self.image_of[name] = picture
                if not wanted:
                    break

    def _metadata(self, name: str) -> dict | None:
        try:
            return meta.load(self.container.read(name), name)
        except Refused:
            return None

    def _cids(self, picture: str, wanted: dict[str, list[str]]) -> list[str]:
        try:
            data = self.container.read(picture)
        except Refused:
            return []
        found = []
        if any(cid.startswith("Qm") for cid in wanted):
            found.append(file_cid(data, KUBO_LEGACY))
        if any(not cid.startswith("Qm") for cid in wanted):
            found.append(file_cid(data, UNIXFS_V1_2025))
        return [cid for cid in found if cid in wanted]

    # --- one item ---

    def candidate(self, name: str) -> Candidate | None:
        lower = name.lower()
        if lower.endswith(METADATA):
            return self._metadata_candidate(name)
        if name in self.claimed:
            return None
        if lower.endswith(CAR):
            return self._car_candidate(name)
        return self._picture_candidate(name)

    def _base(self, name: str, data: bytes, problem: Problem) -> Candidate:
        # Without a picture the item's own bytes give it a stable key, so importing it again finds it again.
        return Candidate(
            f"file:{sha256_hex(data)}", self.source, name, created_at=self.container.mtime(name), problem=problem
        )

    def _read(self, name: str, kind: str) -> bytes | Candidate:
        try:
            return self.container.read(name)
        except Refused as refused:
            # Nothing was read: the archive or folder's name and the item's path are what identify it.
            return self._base(name, f"{self.container.label}/{name}".encode(), Problem(kind, refused.reason))

    def _picture_candidate(self, name: str) -> Candidate:
        data = self._read(name, UNREADABLE_IMAGE)
        if isinstance(data, Candidate):
            return data
        checked = check_picture(data, name)
        if isinstance(checked, Problem):
            return self._base(name, data, checked)
        candidate = _with_provenance(self._with_picture(name, data, checked))
        return replace(candidate, name=prompt_title(candidate.prompt))

    def _with_picture(self, name: str, data: bytes, picture: Picture) -> Candidate:
        return Candidate(
            source_key=f"file:{picture.sha256}",
            source=self.source,
            origin=name,
            image=data,
            image_sha256=picture.sha256,
            width=picture.width,
            height=picture.height,
            created_at=self.container.mtime(name),
        )

    def _metadata_candidate(self, name: str) -> Candidate:
        data = self._read(name, INVALID_METADATA)
        if isinstance(data, Candidate):
            return data
        read = meta.read_metadata(data, name)
        if read.metadata is None:
            return self._base(name, data, read.problem)
        candidate, picture_problem = self._named_picture(name, data, read.metadata)
        schema_problem = read.problem
        if meta.image_file(read.metadata, name) is not None:
            # The schema only knows addresses: a picture named by its file stands for its CID. Without the picture
            # there is no CID to check, and the missing picture is the problem to report.
            schema_problem = None
            if candidate.image:
                stand_in = f"ipfs://{file_cid(candidate.image)}"
                schema_problem = meta.read_metadata(data, name, image_uri=stand_in).problem
        cid = meta.image_cid(read.metadata)
        return replace(
            _with_metadata(_with_provenance(candidate), read.metadata),
            origin=name,
            image_cid=(cid or file_cid(candidate.image)) if candidate.image else "",
            metadata_cid=file_cid(data),  # what a token URI would name: these bytes, as found
            problem=schema_problem or picture_problem,
        )

    def _named_picture(self, name: str, data: bytes, metadata: dict) -> tuple[Candidate, Problem | None]:
        """The candidate carrying the picture the metadata names, or one without it and the Problem saying why."""
        picture_name = self.image_of.get(name)
        if picture_name is None:
            image = meta.text(metadata, "image")
            missing = IMAGE_NOT_FOUND(file=name, image=image) if image else IMAGE_NOT_NAMED(file=name)
            return self._base(name, data, None), Problem(UNREADABLE_IMAGE, missing)
        picture = self._read(picture_name, UNREADABLE_IMAGE)
        if isinstance(picture, Candidate):
            return self._base(name, data, None), picture.problem
        checked = check_picture(picture, picture_name)
        if isinstance(checked, Problem):
            return self._base(name, data, None), checked
        return self._with_picture(name, picture, checked), self._cid_problem(name, metadata, picture_name, picture)

    def _cid_problem(self, name: str, metadata: dict, picture_name: str, data: bytes) -> Problem | None:
        cid = meta.image_cid(metadata)
        if not cid:
            return None
        found = file_cid(data, KUBO_LEGACY if cid.startswith("Qm") else UNIXFS_V1_2025)
        if found == cid:
            return None
        return Problem(CID_MISMATCH, IMAGE_CID_MISMATCH(file=name, cid=cid, image=picture_name, found=found))

    def _car_candidate(self, name: str) -> Candidate:
        data = self._read(name, INVALID_METADATA)
        if isinstance(data, Candidate):
            return data
        # read_car reads a path: the bytes (already capped) go through a private temporary file.
        with tempfile.NamedTemporaryFile(suffix=".car") as handle:
            handle.write(data)
            handle.flush()
            car = read_car_entry(Path(handle.name), name, self.limits.max_entry_bytes)
        candidate = self._base(name, data, car.problem)
        problem = car.problem
        if car.image is not None:
            checked = check_picture(car.image, name)
            if isinstance(checked, Problem):
                problem = problem or checked
            else:
                candidate = self._with_picture(name, car.image, checked)
        metadata = None
        if car.metadata_bytes is not None:
            read = meta.read_metadata(car.metadata_bytes, name)
            metadata = read.metadata
            problem = problem or read.problem
        origin = f"{name}#{car.metadata_cid or car.image_cid}" if (car.metadata_cid or car.image_cid) else name
        return replace(
            _with_metadata(_with_provenance(candidate), metadata),
            origin=origin,
            image_cid=car.image_cid,
            metadata_cid=car.metadata_cid,
            problem=problem,
        )


def _with_provenance(candidate: Candidate) -> Candidate:
    """What the picture says of its making (a PNG's text blocks); metadata, applied after, wins where it speaks."""
    if not candidate.image.startswith(b"\x89PNG"):
        return candidate
    found = png_provenance(candidate.image)
    return replace(candidate, prompt=found.prompt, model_hash=found.model_hash, generation=found.generation)


def _with_metadata(candidate: Candidate, metadata: dict | None) -> Candidate:
    if metadata is None:
        return candidate
    generation = meta.generation(metadata)
    prompt = generation.get("prompt") if generation else None
    model = generation.get("model_sha256") if generation else None
    return replace(
        candidate,
        name=meta.text(metadata, "name"),
        description=meta.text(metadata, "description"),
        prompt=prompt if isinstance(prompt, str) else candidate.prompt,
        model_hash=model if isinstance(model, str) else candidate.model_hash,
        traits=meta.traits(metadata),
        metadata=metadata,
        generation=generation or candidate.generation,
    )
