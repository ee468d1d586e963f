"""A CAR file handed in as a submission: the app's own token CARs hold the metadata JSON and the image as UnixFS
files (app/token/assemble.export_car). read_car checks every block against its CID; the files are put back together
from their blocks the way app/token/cid.py cut them, so the roots' CIDs really name these bytes. What the metadata
calls its image must then be the image the CAR holds."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREADABLE_IMAGE, Problem
from app.curation.sources.metadata_entry import MAX_METADATA_BYTES, read_metadata
from app.curation.sources.metadata_entry import image_cid as metadata_image_cid
from app.messages import Msg
from app.token.car import read_car
from app.token.cid import DAG_PB, RAW, SHA2_256, cid_from_str, cid_to_str, parse_cid, read_varint

_MAX_DEPTH = 8  # a 1,024-link tree this deep holds far more than any picture
# Nodes one file's walk may visit: a 32 MB picture cut into 1 KiB chunks takes 32,768 leaves, while a few KB of
# nodes linking many times to one another (a child's bytes may be empty) would otherwise be walked for ever.
_MAX_NODES = 100_000
_UNIXFS_RAW, _UNIXFS_FILE = 0, 2

CAR_DAMAGED = Msg("curation.import.car_damaged", "{file} is not a CAR file this app can read, or it is damaged.")
CAR_ALTERED = Msg(
    "curation.import.car_altered",
    "A block in {file} does not match its CID: the CAR file was altered or damaged after it was made.",
)
CAR_MISSING_BLOCK = Msg(
    "curation.import.car_missing_block", "{file} lacks part of the file {cid}, so it cannot be put back together."
)
CAR_NO_IMAGE = Msg(
    "curation.import.car_no_image", "The metadata in {file} names the image {cid}, which is not in the CAR file."
)
CAR_OTHER_IMAGE = Msg(
    "curation.import.car_other_image",
    "The metadata in {file} names the image {cid}, but the CAR file holds another image ({found}).",
)


class BrokenBlocks(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason.english())
        self.problem = problem


@dataclass(frozen=True)
class CarRead:
    metadata_bytes: bytes | None
    metadata_cid: str
    image: bytes | None
    image_cid: str
    problem: Problem | None


def read_car_entry(path: Path, file: str, max_bytes: int) -> CarRead:
    """The metadata and image a CAR holds, with the Problem that keeps it aside (never raises for bad input)."""
    try:
        roots, blocks = read_car(path)
    except (ValueError, IndexError, UnicodeDecodeError, OverflowError):
        kind, reason = (CID_MISMATCH, CAR_ALTERED) if car_altered(path) else (INVALID_METADATA, CAR_DAMAGED)
        return CarRead(None, "", None, "", Problem(kind, reason(file=file)))
    try:
        files = [(root, file_bytes(root, blocks, file, max_bytes)) for root in roots]
    except BrokenBlocks as broken:
        return CarRead(None, "", None, "", broken.problem)
    if not files:
        return CarRead(None, "", None, "", Problem(INVALID_METADATA, CAR_DAMAGED(file=file)))
    metadata_root = next((root for root, data in files if data[:1] == b"{" and len(data) <= MAX_METADATA_BYTES), "")
    if not metadata_root:  # a CAR of a bare picture: an entry without metadata, like a plain PNG
        root, data = files[0]
        return CarRead(None, "", data, root, None)
    metadata_bytes = dict(files)[metadata_root]
    wanted = metadata_image_cid(read_metadata(metadata_bytes, file).metadata)
    others = [root for root, _ in files if root != metadata_root]
    if wanted and wanted in blocks:
        try:
            image = file_bytes(wanted, blocks, file, max_bytes)
        except BrokenBlocks as broken:
            return CarRead(metadata_bytes, metadata_root, None, wanted, broken.problem)
        return CarRead(metadata_bytes, metadata_root, image, wanted, None)
    if others:
        found = others[0]
        problem = Problem(CID_MISMATCH, CAR_OTHER_IMAGE(file=file, cid=wanted or "—", found=found))
        return CarRead(metadata_bytes, metadata_root, dict(files)[found], found, problem)
    problem = Problem(UNREADABLE_IMAGE, CAR_NO_IMAGE(file=file, cid=wanted or "—"))
    return CarRead(metadata_bytes, metadata_root, None, "", problem)


def car_altered(path: Path) -> bool:
    """Whether a well-framed section holds a sha2-256 block whose bytes are not what its CID names (a CAR that
    fails for any other reason is damaged, not altered)."""
    try:
        buf = path.read_bytes()
        length, pos = read_varint(buf, 0)
        pos += length
        while pos < len(buf):
            length, pos = read_varint(buf, pos)
            end = pos + length
            cid, pos = parse_cid(buf[:end], pos)
            digest = cid[-32:]
            if cid[-34:-32] == bytes([SHA2_256, 32]) and hashlib.sha256(buf[pos:end]).digest() != digest:
                return True
            pos = end
    except (ValueError, IndexError):
        return False
    return False


def file_bytes(cid: str, blocks: dict[str, bytes], file: str, max_bytes: int) -> bytes:
    out = bytearray()
    _append(cid, blocks, file, max_bytes, out, 0, [_MAX_NODES])
    return bytes(out)


def _append(
    cid: str, blocks: dict[str, bytes], file: str, max_bytes: int, out: bytearray, depth: int, budget: list[int]
) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise BrokenBlocks(Problem(INVALID_METADATA, CAR_DAMAGED(file=file)))
    block = blocks.get(cid)
    if block is None or depth > _MAX_DEPTH:
        raise BrokenBlocks(Problem(INVALID_METADATA, CAR_MISSING_BLOCK(file=file, cid=cid)))
    try:
        codec = cid_codec(cid)
        if codec == RAW:
            out += block
        elif codec == DAG_PB:
            links, data = _pb_node(block)
            out += data  # a leaf's bytes; a parent node's are empty
            for link in links:
                _append(link, blocks, file, max_bytes, out, depth + 1, budget)
        else:
            raise ValueError(f"codec 0x{codec:x}")
    except (ValueError, IndexError, UnicodeDecodeError):
        raise BrokenBlocks(Problem(INVALID_METADATA, CAR_DAMAGED(file=file))) from None
    if len(out) > max_bytes:
        raise BrokenBlocks(Problem(INVALID_METADATA, CAR_DAMAGED(file=file)))


def cid_codec(cid: str) -> int:
    binary = cid_from_str(cid)
    if len(binary) == 34 and binary[0] == 0x12:
        return DAG_PB  # CIDv0 exists only for dag-pb
    _version, pos = read_varint(binary, 0)
    codec, _ = read_varint(binary, pos)
    return codec


def pb_fields(buf: bytes):
    """(field number, value) of a protobuf message; only the wire types dag-pb and UnixFS use."""
    pos = 0
    while pos < len(buf):
        key, pos = read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = read_varint(buf, pos)
            yield number, value
        elif wire == 2:
            length, pos = read_varint(buf, pos)
            if pos + length > len(buf):
                raise ValueError("truncated field")
            yield number, buf[pos : pos + length]
            pos += length
        else:
            raise ValueError(f"wire type {wire}")


def _pb_node(block: bytes) -> tuple[list[str], bytes]:
    """The child CIDs (in order) and the inline file bytes of a dag-pb UnixFS file node."""
    links: list[str] = []
    unixfs = b""
    for number, value in pb_fields(block):
        if number == 2 and isinstance(value, bytes):
            link = dict(pb_fields(value))
            if not isinstance(link.get(1), bytes):
                raise ValueError("link without a hash")
            links.append(cid_to_str(link[1]))
        elif number == 1 and isinstance(value, bytes):
            unixfs = value
    fields = dict(pb_fields(unixfs))
    if fields.get(1) not in (_UNIXFS_RAW, _UNIXFS_FILE):
        raise ValueError("not a UnixFS file")
    data = fields.get(2, b"")
    return links, data if isinstance(data, bytes) else b""
