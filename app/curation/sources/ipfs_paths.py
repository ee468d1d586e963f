"""Files addressed as `ipfs://CID/path` (a folder's CID and a name in it, what most NFT collections use), checked
block by block: the bytes a stranger serves are trusted only where each block hashes to the CID that names it.

An HTTP gateway is asked for the path in its trustless form (`GET /ipfs/<cid>/<path>?format=car`, the IPFS trustless
gateway spec): one CAR reply with the folder blocks along the path and the file's blocks, each checked by read_car.
A Kubo node is asked block by block (`POST /api/v0/block/get`), each checked as it arrives. Either way the folder is
walked from the CID along the path's names (dag-pb links), then the file is put back together from its blocks the way
car_entry.py does it for submitted CARs.
"""

from __future__ import annotations

import hashlib
import tempfile
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREACHABLE
from app.curation.sources.car_entry import (
    CAR_MISSING_BLOCK,
    BrokenBlocks,
    car_altered,
    cid_codec,
    file_bytes,
    pb_fields,
)
from app.curation.sources.ipfs_fetch import GATEWAY, MISMATCH, TOO_LARGE, FetchProblem, IpfsAddress
from app.messages import Msg
from app.token.car import read_car
from app.token.cid import DAG_PB, RAW, SHA2_256, cid_from_str, cid_to_str, read_varint

if TYPE_CHECKING:
    from app.curation.sources.ipfs_fetch import IpfsFetcher

MAX_BLOCK_BYTES = 2 * 1024 * 1024  # a UnixFS block is at most 1 MiB of data plus its links
PATH_ALLOWANCE = 4 * 1024 * 1024  # the folder blocks along the path, on top of the file itself
_UNIXFS_DIRECTORY, _UNIXFS_HAMT = 1, 5

NO_TRUSTLESS_MODE = Msg(
    "curation.chain.no_car_replies",
    "The {service} does not send files in the verifiable CAR form (trustless mode), so {cid} could not be checked. "
    "It is kept aside; import again through a gateway that supports it, or an IPFS node.",
)
INCOMPLETE = Msg(
    "curation.chain.incomplete_car",
    "The {service} left out part of {cid}, so it could not be checked. It is kept aside; importing again later "
    "tries it again.",
)
PATH_NOT_FOUND = Msg("curation.chain.path_not_found", "The IPFS folder {cid} has no file named “{path}”.")
SHARDED_FOLDER = Msg(
    "curation.chain.sharded_folder",
    "The IPFS folder {cid} is a sharded (HAMT) folder, which this app cannot check yet, so “{path}” was not read.",
)
NOT_A_FILE = Msg("curation.chain.not_a_file", "“{path}” in the IPFS folder {cid} is not a file this app can read.")


def fetch_path(fetcher: IpfsFetcher, address: IpfsAddress, max_bytes: int, too_large: str) -> bytes:
    """The file at `address.path` under `address.cid`, every block checked; FetchProblem otherwise."""
    label = f"{address.cid}/{address.path}"
    if fetcher.source.kind == GATEWAY:
        blocks = _car_blocks(fetcher, label, max_bytes, too_large)
        get: Callable[[str], bytes | None] = blocks.get
    else:
        blocks = _NodeBlocks(fetcher, label)
        get = blocks.get
    file_cid = _resolve(address, get, fetcher, label)
    root = get(file_cid)
    if root is None:
        raise FetchProblem(UNREACHABLE, INCOMPLETE(service=fetcher.service, cid=label), file_cid)
    if _declared_size(file_cid, root) > max_bytes:
        max_mb = max(1, max_bytes // (1024 * 1024))
        raise FetchProblem(too_large, TOO_LARGE(cid=label, max_mb=max_mb), file_cid)
    try:
        return file_bytes(file_cid, blocks, label, max_bytes)
    except BrokenBlocks as broken:
        if broken.problem.reason.id == CAR_MISSING_BLOCK.id:
            raise FetchProblem(UNREACHABLE, INCOMPLETE(service=fetcher.service, cid=label), file_cid) from None
        raise FetchProblem(INVALID_METADATA, NOT_A_FILE(cid=address.cid, path=address.path), file_cid) from None


def _car_blocks(fetcher: IpfsFetcher, label: str, max_bytes: int, too_large: str) -> dict[str, bytes]:
    quoted = urllib.parse.quote(label, safe="/")
    status, body = fetcher.request(
        "GET",
        f"/ipfs/{quoted}",
        label,
        max_bytes + PATH_ALLOWANCE,
        too_large,
        params={"format": "car", "dag-scope": "all"},
        headers={"Accept": "application/vnd.ipld.car"},
    )
    if status in (400, 406, 415, 501):  # what gateways answer for a response format they do not offer
        raise FetchProblem(UNREACHABLE, NO_TRUSTLESS_MODE(service=fetcher.service, cid=label), f"HTTP {status}")
    fetcher.check_status(status, body, label)
    with tempfile.TemporaryDirectory(prefix="sm6-car-") as folder:
        path = Path(folder) / "reply.car"
        path.write_bytes(body)
        try:
            return read_car(path)[1]
        except (ValueError, IndexError, UnicodeDecodeError, OverflowError):
            if car_altered(path):
                raise FetchProblem(CID_MISMATCH, MISMATCH(cid=label), f"{len(body)} bytes") from None
    # Not a CAR at all: most likely the file itself, from a gateway that ignores the format asked for.
    raise FetchProblem(UNREACHABLE, NO_TRUSTLESS_MODE(service=fetcher.service, cid=label), repr(body[:100]))


class _NodeBlocks(dict):
    """Blocks asked of a Kubo node one at a time as the walk needs them, each checked against its CID."""

    def __init__(self, fetcher: IpfsFetcher, label: str) -> None:
        super().__init__()
        self.fetcher = fetcher
        self.label = label

    def get(self, cid: str, default: bytes | None = None) -> bytes | None:  # type: ignore[override]
        if cid not in self:
            status, block = self.fetcher.request(
                "POST", "/api/v0/block/get", self.label, MAX_BLOCK_BYTES, INVALID_METADATA, params={"arg": cid}
            )
            self.fetcher.check_status(status, block, self.label)
            if not _block_matches(cid, block):
                raise FetchProblem(CID_MISMATCH, MISMATCH(cid=self.label), f"block {cid}")
            self[cid] = block
        return self[cid]


def _block_matches(cid: str, block: bytes) -> bool:
    try:
        raw = cid_from_str(cid)
        if len(raw) == 34 and raw[:2] == bytes([SHA2_256, 32]):
            return hashlib.sha256(block).digest() == raw[2:]
        _version, pos = read_varint(raw, 0)
        _codec_id, pos = read_varint(raw, pos)
        hash_code, pos = read_varint(raw, pos)
        length, pos = read_varint(raw, pos)
    except (ValueError, IndexError):
        return False
    return hash_code == SHA2_256 and length == 32 and hashlib.sha256(block).digest() == raw[pos:]


def _resolve(address: IpfsAddress, get: Callable[[str], bytes | None], fetcher: IpfsFetcher, label: str) -> str:
    """The CID the path's names lead to from the folder's CID (plain dag-pb folders only)."""
    cid = cid_to_str(cid_from_str(address.cid))
    for name in address.path.split("/"):
        if not name:
            continue
        block = get(cid)
        if block is None:
            raise FetchProblem(UNREACHABLE, INCOMPLETE(service=fetcher.service, cid=label), cid)
        links = _folder_links(cid, block, address)
        if name not in links:
            raise FetchProblem(INVALID_METADATA, PATH_NOT_FOUND(cid=address.cid, path=address.path), name)
        cid = links[name]
    return cid


def _folder_links(cid: str, block: bytes, address: IpfsAddress) -> dict[str, str]:
    """{name: CID} of a UnixFS folder block; FetchProblem when the block is no plain folder."""
    not_found = FetchProblem(INVALID_METADATA, PATH_NOT_FOUND(cid=address.cid, path=address.path), cid)
    if cid_codec(cid) != DAG_PB:
        raise not_found  # a file (raw block) has no names under it
    links: dict[str, str] = {}
    kind = None
    try:
        for number, value in pb_fields(block):
            if number == 2 and isinstance(value, bytes):
                link = dict(pb_fields(value))
                target, name = link.get(1), link.get(2, b"")
                if isinstance(target, bytes) and isinstance(name, bytes):
                    links.setdefault(name.decode(), cid_to_str(target))
            elif number == 1 and isinstance(value, bytes):
                kind = dict(pb_fields(value)).get(1)
    except (ValueError, IndexError, UnicodeDecodeError):
        raise not_found from None
    if kind == _UNIXFS_HAMT:
        raise FetchProblem(INVALID_METADATA, SHARDED_FOLDER(cid=address.cid, path=address.path), cid)
    if kind != _UNIXFS_DIRECTORY:
        raise not_found
    return links


def _declared_size(cid: str, block: bytes) -> int:
    """The file size the root block declares (UnixFS filesize), so an oversized file is refused before it is
    put together; 0 when it says nothing (the reassembly's own cap still holds)."""
    if cid_codec(cid) == RAW:
        return len(block)
    try:
        for number, value in pb_fields(block):
            if number == 1 and isinstance(value, bytes):
                size = dict(pb_fields(value)).get(3, 0)
                return size if isinstance(size, int) else 0
    except (ValueError, IndexError):
        return 0
    return 0
