"""IPFS CIDs of a single file, byte-for-byte as Kubo / the JS UnixFS importer compute them.

No PyPI package chunks at 1 MiB correctly, so the few encodings involved (unsigned varints, the dag-pb
PBNode/PBLink and UnixFS Data protobufs, multibase base32/base58btc) are written out here. The layout
mirrors `ipfs-unixfs-importer`: fixed-size chunks, a balanced DAG built bottom-up in batches of
`max_links`, and a file of exactly one chunk reduced to that chunk's own CID.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

RAW = 0x55
DAG_PB = 0x70
SHA2_256 = 0x12
_UNIXFS_FILE = 2
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class CidProfile:
    """How a file is cut into blocks and linked; the four knobs that change a file's CID."""

    cid_version: int
    raw_leaves: bool
    chunk_size: int
    max_links: int

    def __post_init__(self) -> None:
        if self.cid_version not in (0, 1):
            raise ValueError(f"cid_version must be 0 or 1, not {self.cid_version}")
        if self.chunk_size < 1:
            raise ValueError("chunk_size must be at least 1 byte")
        # With one link per node, a level of two nodes would never shrink to a single root.
        if self.max_links < 2:
            raise ValueError("max_links must be at least 2")


# Kubo's `unixfs-v1-2025` import profile (IPIP-499).
UNIXFS_V1_2025 = CidProfile(cid_version=1, raw_leaves=True, chunk_size=1048576, max_links=1024)
# Kubo's historical `ipfs add` default, still what many pinning services produce.
KUBO_LEGACY = CidProfile(cid_version=0, raw_leaves=False, chunk_size=262144, max_links=174)


# --- encodings -------------------------------------------------------------------------------------


def varint(n: int) -> bytes:
    """Unsigned LEB128, as used by protobuf, multiformats and CAR framing."""
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    """Decode a varint at `pos`; return (value, position after it)."""
    value = shift = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def _b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, rem = divmod(n, 58)
        out = _B58[rem] + out
    # Leading zero bytes are not carried by the integer; base58btc spells each as "1".
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def _b58decode(text: str) -> bytes:
    n = 0
    for ch in text:
        idx = _B58.find(ch)
        if idx < 0:
            raise ValueError(f"not base58btc: {ch!r}")
        n = n * 58 + idx
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def cid_bytes(codec: int, digest: bytes, version: int) -> bytes:
    """Binary CID of a sha2-256 digest; CIDv0 is the bare multihash and only exists for dag-pb."""
    multihash = bytes([SHA2_256, len(digest)]) + digest
    if version == 0:
        return multihash
    return varint(1) + varint(codec) + multihash


def cid_to_str(cid: bytes) -> str:
    """Text form: base58btc for CIDv0 ("Qm…"), multibase base32 lower for CIDv1 ("b…")."""
    if len(cid) == 34 and cid[0] == SHA2_256 and cid[1] == 32:
        return _b58encode(cid)
    return "b" + base64.b32encode(cid).decode("ascii").lower().rstrip("=")


def _b36decode(text: str) -> bytes:
    n = 0
    for ch in text:
        idx = _B36.find(ch)
        if idx < 0:
            raise ValueError(f"not base36: {ch!r}")
        n = n * 36 + idx
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("0"))) + body


# The longest CID text this app can meet is a sha2-512 CIDv1 in base16 (139 characters).
MAX_CID_TEXT = 256


def cid_from_str(text: str) -> bytes:
    """Binary CID from its text form: CIDv0, or CIDv1 in the multibases CIDs are written in (base32 "b"/"B",
    base58btc "z", base36 "k"/"K" as IPNS and subdomain gateways use, base16 "f"/"F")."""
    if len(text) > MAX_CID_TEXT:  # base58 and base36 decode in quadratic time: a megabyte of "z222…" takes hours
        raise ValueError(f"a CID is at most {MAX_CID_TEXT} characters; this text has {len(text)}")
    if text.startswith("Qm") and len(text) == 46:
        return _b58decode(text)
    prefix, body = text[:1], text[1:]
    if prefix in ("b", "B") and body:
        body = body.upper()
        return base64.b32decode(body + "=" * (-len(body) % 8))
    if prefix == "z" and body:
        return _b58decode(body)
    if prefix in ("k", "K") and body:
        return _b36decode(body.lower())
    if prefix in ("f", "F") and body:
        return bytes.fromhex(body)
    raise ValueError(f"unsupported CID text {text!r}: expected CIDv0 'Qm…' or a CIDv1 in base32, base58, base36, hex")


def parse_cid(buf: bytes, pos: int = 0) -> tuple[bytes, int]:
    """Read one binary CID starting at `pos`; return (cid bytes, position after it)."""
    start = pos
    if buf[pos : pos + 2] == bytes([SHA2_256, 32]):
        end = pos + 34
    else:
        version, pos = read_varint(buf, pos)
        if version != 1:
            raise ValueError(f"unsupported CID version {version}")
        _codec, pos = read_varint(buf, pos)
        _hash_code, pos = read_varint(buf, pos)
        length, pos = read_varint(buf, pos)
        end = pos + length
    if end > len(buf):
        raise ValueError("truncated CID")
    return bytes(buf[start:end]), end


def _field_bytes(tag: int, payload: bytes) -> bytes:
    return bytes([tag]) + varint(len(payload)) + payload


def _unixfs_file(data: bytes, filesize: int, blocksizes: list[int]) -> bytes:
    """UnixFS `Data` message of type File; empty data is left out, as the reference marshaller does."""
    out = bytearray(b"\x08" + varint(_UNIXFS_FILE))
    if data:
        out += _field_bytes(0x12, data)
    out += b"\x18" + varint(filesize)
    for size in blocksizes:  # proto2 `repeated uint64`, not packed
        out += b"\x20" + varint(size)
    return bytes(out)


class _Link(NamedTuple):
    cid: bytes
    tsize: int  # bytes of the whole sub-DAG (block plus descendants), as PBLink.Tsize
    filesize: int  # file bytes under this link, as UnixFS blocksizes


def _pb_node(unixfs: bytes, links: list[_Link]) -> bytes:
    """dag-pb PBNode in canonical order: Links (field 2) before Data (field 1); names are empty strings."""
    out = bytearray()
    for link in links:
        out += _field_bytes(0x12, _field_bytes(0x0A, link.cid) + b"\x12\x00" + b"\x18" + varint(link.tsize))
    out += _field_bytes(0x0A, unixfs)
    return bytes(out)


# --- DAG building --------------------------------------------------------------------------------

Sink = Callable[[bytes, bytes], None]


def _chunks(data: bytes | BinaryIO | Path, size: int) -> Iterator[bytes | memoryview]:
    """Fixed-size chunks; an empty input still yields one empty chunk (the importer does too)."""
    if isinstance(data, Path):
        with data.open("rb") as handle:
            yield from _chunks(handle, size)
        return
    if isinstance(data, (bytes, bytearray, memoryview)):
        view = memoryview(data)  # slices without copying the whole input
        yield view[:size]
        for start in range(size, len(view), size):
            yield view[start : start + size]
        return
    emitted = False
    while True:
        chunk = data.read(size)
        # A pipe or raw stream may return short reads; fill the chunk so boundaries stay fixed.
        while chunk and len(chunk) < size:
            more = data.read(size - len(chunk))
            if not more:
                break
            chunk += more
        if not chunk:
            if not emitted:
                yield b""
            return
        emitted = True
        yield chunk


def _put(block: bytes, codec: int, version: int, sink: Sink | None) -> bytes:
    cid = cid_bytes(codec, hashlib.sha256(block).digest(), version)
    if sink is not None:
        sink(cid, block)
    return cid


def _leaf(chunk: bytes | memoryview, profile: CidProfile, sink: Sink | None) -> _Link:
    if profile.raw_leaves:
        # Raw blocks have no CIDv0 form, so the importer makes raw leaves CIDv1 whatever the profile.
        block = bytes(chunk) if sink is not None else chunk
        return _Link(_put(block, RAW, 1, sink), len(chunk), len(chunk))
    block = _pb_node(_unixfs_file(bytes(chunk), len(chunk), []), [])
    return _Link(_put(block, DAG_PB, profile.cid_version, sink), len(block), len(chunk))


def _parent(links: list[_Link], profile: CidProfile, sink: Sink | None) -> _Link:
    filesize = sum(link.filesize for link in links)
    block = _pb_node(_unixfs_file(b"", filesize, [link.filesize for link in links]), links)
    cid = _put(block, DAG_PB, profile.cid_version, sink)
    return _Link(cid, len(block) + sum(link.tsize for link in links), filesize)


def _build(data: bytes | BinaryIO | Path, profile: CidProfile, sink: Sink | None) -> bytes:
    # Leaves are reduced into parents as soon as `max_links` of them exist, so only one batch of
    # link records (not chunks) is held; upper levels are tiny (one record per 1024 chunks).
    batch: list[_Link] = []
    level: list[_Link] = []
    leaf_count = 0
    for chunk in _chunks(data, profile.chunk_size):
        batch.append(_leaf(chunk, profile, sink))
        leaf_count += 1
        if len(batch) == profile.max_links:
            level.append(_parent(batch, profile, sink))
            batch = []
    if leaf_count == 1:
        return batch[0].cid  # one chunk: the file is that block itself (reduceSingleLeafToSelf)
    if batch:
        level.append(_parent(batch, profile, sink))
    while len(level) > 1:
        step = profile.max_links
        level = [_parent(level[i : i + step], profile, sink) for i in range(0, len(level), step)]
    return level[0].cid


def file_cid(data: bytes | BinaryIO | Path, profile: CidProfile = UNIXFS_V1_2025) -> str:
    """Root CID of `data` (bytes, a binary stream read to its end, or a file path); keeps no blocks."""
    return cid_to_str(_build(data, profile, None))


def file_blocks(
    data: bytes | BinaryIO | Path, profile: CidProfile = UNIXFS_V1_2025
) -> tuple[str, list[tuple[str, bytes]]]:
    """Root CID and every block as (cid, bytes), leaves first and the root last (for CARs and stores)."""
    blocks: dict[str, bytes] = {}  # a repeated chunk (e.g. zero padding) is one block, stored once

    def keep(cid: bytes, block: bytes) -> None:
        blocks.setdefault(cid_to_str(cid), block)

    root = _build(data, profile, keep)
    return cid_to_str(root), list(blocks.items())
