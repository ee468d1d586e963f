"""CARv1 files (https://ipld.io/specs/transport/car/carv1/): the upload format pinning services accept.

Layout: varint-framed dag-cbor header {"roots": [CID, ...], "version": 1}, then one varint-framed
(binary CID + block bytes) section per block. The header is the only CBOR involved, so a tiny
encoder/decoder for exactly the types it uses (maps, arrays, text, bytes, small ints, tag 42) is
written here rather than adding a CBOR dependency.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from app.token.cid import SHA2_256, cid_from_str, cid_to_str, parse_cid, read_varint, varint

_CID_TAG = 42  # dag-cbor's tag for a link; the payload is a 0x00 (identity multibase) byte + binary CID


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | extra]) + n.to_bytes(size, "big")
    raise ValueError("CBOR length too large")


def _cbor_text(text: str) -> bytes:
    raw = text.encode()
    return _cbor_head(3, len(raw)) + raw


def _header(roots: list[str]) -> bytes:
    # dag-cbor sorts map keys by length then bytes, so "roots" comes before "version".
    out = bytearray(_cbor_head(5, 2) + _cbor_text("roots") + _cbor_head(4, len(roots)))
    for root in roots:
        link = b"\x00" + cid_from_str(root)
        out += _cbor_head(6, _CID_TAG) + _cbor_head(2, len(link)) + link
    out += _cbor_text("version") + _cbor_head(0, 1)
    return bytes(out)


def write_car(path: Path | str, roots: list[str], blocks: Iterable[tuple[str, bytes]]) -> None:
    """Write a CARv1 file; `blocks` is consumed once, so a generator never holds them all."""
    header = _header(roots)
    with open(path, "wb") as out:
        out.write(varint(len(header)) + header)
        for cid, block in blocks:
            binary = cid_from_str(cid)
            out.write(varint(len(binary) + len(block)))
            out.write(binary)
            out.write(block)


MAX_HEADER_DEPTH = 8  # a CARv1 header is {"roots": [CID, ...], "version": 1}: three levels at most


def _cbor_item(buf: bytes, pos: int, depth: int = 0) -> tuple[object, int]:
    """Decode the one CBOR item at `pos` (header subset only); return (value, position after it)."""
    if depth > MAX_HEADER_DEPTH:
        raise ValueError("CAR header is nested deeper than any CARv1 header")
    if pos >= len(buf):
        raise ValueError("CAR header is truncated")
    major, info = buf[pos] >> 5, buf[pos] & 0x1F
    pos += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n = int.from_bytes(buf[pos : pos + size], "big")
        pos += size
    else:
        raise ValueError("CAR header uses CBOR features a CARv1 header never needs")
    if major == 0:
        return n, pos
    if major in (2, 3):
        if pos + n > len(buf):
            raise ValueError("CAR header is truncated")
        raw = bytes(buf[pos : pos + n])
        return (raw if major == 2 else raw.decode()), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = _cbor_item(buf, pos, depth + 1)
            items.append(item)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(n):
            key, pos = _cbor_item(buf, pos, depth + 1)
            if not isinstance(key, str):
                raise ValueError("CAR header has a key that is not text")
            mapping[key], pos = _cbor_item(buf, pos, depth + 1)
        return mapping, pos
    if major == 6 and n == _CID_TAG:
        link, pos = _cbor_item(buf, pos, depth + 1)
        if not isinstance(link, bytes) or link[:1] != b"\x00":
            raise ValueError("CAR header has a malformed CID link")
        return cid_to_str(link[1:]), pos
    raise ValueError(f"CAR header has an unexpected CBOR item (major type {major})")


def _verify(cid: bytes, block: bytes) -> None:
    if len(cid) == 34:  # CIDv0: the bare sha2-256 multihash
        hash_code, length, pos = SHA2_256, 32, 2
    else:
        _version, pos = read_varint(cid, 0)
        _codec, pos = read_varint(cid, pos)
        hash_code, pos = read_varint(cid, pos)
        length, pos = read_varint(cid, pos)
    if hash_code != SHA2_256 or length != 32:
        raise ValueError(f"block {cid_to_str(cid)} uses a hash this reader does not check (0x{hash_code:x})")
    if hashlib.sha256(block).digest() != cid[pos:]:
        raise ValueError(f"block {cid_to_str(cid)} does not match its CID: the CAR file is corrupt or altered")


def read_car(path: Path | str) -> tuple[list[str], dict[str, bytes]]:
    """Read a CARv1 file, checking every block against its CID; return (roots, {cid: bytes})."""
    buf = memoryview(Path(path).read_bytes())  # slices below are views, not copies
    length, pos = read_varint(buf, 0)
    header, end = _cbor_item(buf, pos)
    if end != pos + length or not isinstance(header, dict):
        raise ValueError("CAR header is malformed")
    if header.get("version") != 1:
        raise ValueError(f"not a CARv1 file (version {header.get('version')!r})")
    roots = header.get("roots")
    if not isinstance(roots, list) or not all(isinstance(root, str) for root in roots):
        raise ValueError("CAR header has no valid roots list")
    blocks: dict[str, bytes] = {}
    pos = end
    while pos < len(buf):
        length, pos = read_varint(buf, pos)
        section_end = pos + length
        if section_end > len(buf):
            raise ValueError("CAR file is truncated")
        cid, pos = parse_cid(buf[:section_end], pos)
        block = bytes(buf[pos:section_end])
        _verify(cid, block)
        blocks[cid_to_str(cid)] = block
        pos = section_end
    return roots, blocks
