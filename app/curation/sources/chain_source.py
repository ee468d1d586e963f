"""Submissions from the campaign contract (SM6DesignToken) on a chain: every minted token, its metadata and image
fetched by CID and checked, as `Candidate` records.

Two steps, so an importer can resume: `scan_pages(from_block)` lists the Minted events in block ranges a public node
accepts (the range halves when the node refuses it and grows back after successes) and says up to which block it has
looked (`ScanPage.to_block`: save it, start the next import after it); `read(ref)` turns one token into a Candidate.
A node that fails (unreachable, garbage, the wrong chain) raises a plain UserFacingError for the whole import; a
token whose files are missing, wrong or unreadable becomes a Candidate with its Problem, never an exception.

Synchronous, like app/chain/client.py: the importer runs it on a worker thread, never the UI thread.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Iterator

import eth_abi
from eth_abi.exceptions import DecodingError
from eth_utils import to_checksum_address

from app import safejson
from app.chain import errors as chain_errors
from app.chain import messages as chain_msgs
from app.chain.client import ChainClient
from app.chain.contract import minted_topic
from app.chain.networks import Network
from app.curation.models import AFTER_DEADLINE, INVALID_METADATA, UNREADABLE_IMAGE, Candidate, Problem
from app.curation.sources.ipfs_fetch import (
    MAX_IMAGE_BYTES,
    MAX_METADATA_BYTES,
    FetchProblem,
    IpfsFetcher,
    IpfsSource,
    data_uri_bytes,
    ipfs_address,
)
from app.errors import UserFacingError
from app.messages import Message, Msg
from app.token.metadata import validate_metadata

START_SPAN = 2_000  # blocks per eth_getLogs; Kaia's public nodes refuse wider ranges
MAX_PIXELS = 40_000_000  # about 6300 × 6300: larger is an image bomb for a gallery of thousands
IMAGE_FORMATS = ("PNG", "JPEG", "WEBP")

NO_CONTRACT = Msg(
    "curation.chain.no_contract",
    "No campaign contract address is set for {network}. Enter the contract's address and import again.",
)
METADATA = Msg("curation.chain.metadata", "The token's metadata")
METADATA_BREAKS_SCHEMA = Msg("curation.chain.metadata_invalid", "The token's metadata breaks the schema: {problems}")
NO_IMAGE = Msg("curation.chain.no_image", "The token's metadata names no image.")
IMAGE_UNREADABLE = Msg(
    "curation.chain.image_unreadable", "The token's image cannot be read as a PNG, JPEG or WebP picture."
)
IMAGE_TOO_LARGE = Msg(
    "curation.chain.image_too_large",
    "The token's image is {width} × {height} pixels, too large to open safely (at most {limit} million pixels).",
)
IMAGE_BOMB = Msg(
    "curation.chain.image_bomb",
    "The token's image declares a picture too large to open safely (more than {limit} million pixels).",
)
MINTED_AFTER_DEADLINE = Msg(
    "curation.chain.after_deadline", "Minted on {minted}, after the submission deadline of {deadline}."
)

WRONG_CHAIN = Msg(
    "curation.chain.wrong_chain",
    "The node for {network} is on chain {actual_id}, not chain {expected_id}. Nothing was imported: check the "
    "network and node address chosen for the import.",
)
NODE_UNREACHABLE = Msg(
    "curation.chain.node_unreachable",
    "The {network} node did not answer. What was imported so far is kept; import again when it is back, and it "
    "continues where it stopped.",
)
NODE_GARBLED = Msg(
    "curation.chain.node_garbled",
    "The {network} node sent a reply this app cannot read. What was imported so far is kept; import again later, "
    "or choose another node.",
)
NODE_REFUSED = Msg(
    "curation.chain.node_refused",
    "The {network} node refused to list or read the campaign's tokens. What was imported so far is kept; check the "
    "contract address, or choose another node.",
)


class ChainSourceError(UserFacingError):
    """The node, not one token, failed: the whole import stops (`retryable`: try again later from its cursor)."""

    def __init__(self, message: Message, details: str = "", retryable: bool = True) -> None:
        super().__init__(message, details)
        self.retryable = retryable


@contextmanager
def _plain_errors(network: str) -> Iterator[None]:
    """A ChainError (said for minting: "Nothing was sent", "the outbox") in an import's words, details kept."""
    try:
        yield
    except chain_errors.ChainError as exc:
        if exc.kind == "config":
            raise ChainSourceError(exc.msg, exc.details, retryable=False) from None
        if exc.kind == "wrong_chain" and "actual_id" in exc.msg.params:
            params = exc.msg.params
            message = WRONG_CHAIN(network=network, actual_id=params["actual_id"], expected_id=params["expected_id"])
            raise ChainSourceError(message, exc.details, retryable=False) from None
        if exc.kind in ("unreachable", "timeout"):
            raise ChainSourceError(NODE_UNREACHABLE(network=network), exc.details) from None
        if exc.kind == "bad_reply":
            raise ChainSourceError(NODE_GARBLED(network=network), exc.details) from None
        raise ChainSourceError(NODE_REFUSED(network=network), exc.details) from None


# What nodes say when an eth_getLogs range is too wide (geth, Kaia, Infura-, Alchemy-style gateways, anvil).
_RANGE_REFUSED = re.compile(r"range|too many|too large|exceed|limit|more than|10000 results", re.IGNORECASE)
_RATE_LIMITED = re.compile(r"rate.?limit|too many requests", re.IGNORECASE)  # narrower ranges would not help


def _range_refused(exc: chain_errors.ChainError) -> bool:
    """The node refused the range (or its reply for it was over the reply cap): a narrower one may pass."""
    if exc.kind == "bad_reply":
        problem = exc.msg.params.get("problem")
        return isinstance(problem, Message) and problem.id == chain_msgs.REPLY_TOO_LARGE.id
    said = exc.details or ""
    return exc.kind == "rejected" and bool(_RANGE_REFUSED.search(said)) and not _RATE_LIMITED.search(said)


@dataclass(frozen=True)
class TokenRef:
    """One Minted event: enough to read the token and to order it."""

    token_id: int
    block: int
    minted_to: str
    content_hash: str  # 0x-hex SHA-256 of the image the minter declared
    uri_at_mint: str


@dataclass(frozen=True)
class ScanPage:
    from_block: int
    to_block: int  # every Minted event up to this block is in `tokens` (or an earlier page): the resume cursor
    tokens: tuple[TokenRef, ...]


class ChainSource:
    """The campaign contract on one network, read through `client`, its files through `fetcher`."""

    def __init__(self, client: ChainClient, fetcher: IpfsFetcher, *, span: int = START_SPAN) -> None:
        if client.contract is None:
            raise UserFacingError(NO_CONTRACT(network=client.network.name))
        self.client = client
        self.fetcher = fetcher
        self.chain_id = client.network.chain_id
        self.contract = client.contract.address
        self.start_span = max(1, span)
        self._timestamps: dict[int, int] = {}
        with _plain_errors(client.network.name):
            deadline = client.call(lambda: int(client.contract.functions.submissionDeadline().call()))
        self.deadline = deadline or None  # 0: the contract has no deadline

    @classmethod
    def open(
        cls,
        network: Network,
        ipfs: IpfsSource,
        *,
        contract: str = "",
        sandbox: Any = None,
        timeout_s: float = 15,
        import_deadline_s: float | None = None,
        span: int = START_SPAN,
    ) -> "ChainSource":
        """Connect and check the node is on `network`'s chain (one plain error naming both chain ids if not)."""
        if contract:
            network = replace(network, contract=to_checksum_address(contract))
        with _plain_errors(network.name):
            client = ChainClient.connect(network, sandbox=sandbox, timeout_s=timeout_s)
            if contract and network.is_sandbox:
                client = ChainClient(network, client.web3, contract)
            deadline = None if import_deadline_s is None else time.monotonic() + import_deadline_s
            return cls(client, IpfsFetcher(ipfs, deadline), span=span)

    def source_key(self, token_id: int) -> str:
        return f"chain:{self.chain_id}:{self.contract}:{token_id}"

    # --- listing -------------------------------------------------------------------------------------------------

    def latest_block(self) -> int:
        with _plain_errors(self.client.network.name):
            return self.client.call(lambda: int(self.client.web3.eth.block_number))

    def scan_pages(self, from_block: int = 0, to_block: int | None = None) -> Iterator[ScanPage]:
        """Minted events from `from_block` to `to_block` (default: the latest block), one page per accepted range."""
        last = self.latest_block() if to_block is None else to_block
        start, span = max(0, from_block), self.start_span
        while start <= last:
            end = min(start + span - 1, last)
            try:
                tokens = self._minted(start, end)
            except chain_errors.ChainError as exc:
                if end > start and _range_refused(exc):
                    span = max(1, (end - start + 1) // 2)
                    continue
                with _plain_errors(self.client.network.name):
                    raise
            yield ScanPage(start, end, tokens)
            start, span = end + 1, min(self.start_span, span * 2)

    def scan(self, from_block: int = 0, to_block: int | None = None) -> Iterator[TokenRef]:
        for page in self.scan_pages(from_block, to_block):
            yield from page.tokens

    def _minted(self, start: int, end: int) -> tuple[TokenRef, ...]:
        query = {
            "fromBlock": start,
            "toBlock": end,
            "address": self.contract,
            "topics": ["0x" + minted_topic().hex()],
        }
        return self.client.call(lambda: tuple(self._token_ref(e) for e in self.client.web3.eth.get_logs(query)))

    def _token_ref(self, entry: Any) -> TokenRef:
        """One log as a TokenRef; ValueError (a garbled reply, as ChainClient.call reports it) when it is not one."""
        topics = [bytes(t) for t in entry["topics"]]
        if len(topics) != 4 or topics[0] != minted_topic() or to_checksum_address(entry["address"]) != self.contract:
            raise ValueError(f"not a Minted event of {self.contract}: {entry!r}"[:300])
        try:
            (uri,) = eth_abi.decode(["string"], bytes(entry["data"]))
        except DecodingError as exc:
            raise ValueError(f"Minted event data: {exc}") from None
        return TokenRef(
            token_id=int.from_bytes(topics[1], "big"),
            block=int(entry["blockNumber"]),
            minted_to=to_checksum_address(topics[2][-20:]),
            content_hash="0x" + topics[3].hex(),
            uri_at_mint=str(uri),
        )

    # --- one token -----------------------------------------------------------------------------------------------

    def read(self, ref: TokenRef) -> Candidate:
        """The token as it is now (its URI may have been changed since the mint, its owner too)."""
        functions = self.client.contract.functions
        with _plain_errors(self.client.network.name):
            uri = self.client.call(lambda: str(functions.tokenURI(ref.token_id).call()))
            owner = self.client.call(lambda: to_checksum_address(functions.ownerOf(ref.token_id).call()))
            minted_at = self._timestamp(ref.block)
        before = None if self.deadline is None else minted_at <= self.deadline
        fields: dict[str, Any] = {}
        problem = self._files(uri, fields)
        if problem is None and before is False:
            problem = Problem(
                AFTER_DEADLINE,
                MINTED_AFTER_DEADLINE(minted=_moment(minted_at), deadline=_moment(self.deadline or 0)),
            )
        return Candidate(
            source_key=self.source_key(ref.token_id),
            source="chain",
            origin=uri[:2000],
            token_id=ref.token_id,
            chain_id=self.chain_id,
            contract=self.contract,
            owner=owner,
            minted_at=float(minted_at),
            before_deadline=before,
            problem=problem,
            **fields,
        )

    def _timestamp(self, block: int) -> int:
        if block not in self._timestamps:
            self._timestamps[block] = self.client.call(lambda: int(self.client.web3.eth.get_block(block)["timestamp"]))
        return self._timestamps[block]

    def _files(self, uri: str, fields: dict[str, Any]) -> Problem | None:
        """Fill `fields` with what the metadata and image say; the first problem met, or None."""
        try:
            if uri.startswith("data:"):
                raw = data_uri_bytes(uri)
            else:
                address = ipfs_address(uri)
                fields["metadata_cid"] = address.cid
                raw = self.fetcher.fetch(address, MAX_METADATA_BYTES, INVALID_METADATA)
        except FetchProblem as exc:
            return Problem(exc.kind, exc.reason)
        try:
            metadata = safejson.loads_object(raw, METADATA(), max_bytes=MAX_METADATA_BYTES)
        except safejson.BadJSON as exc:
            return Problem(INVALID_METADATA, exc.msg)
        fields.update(_described(metadata))
        problems = validate_metadata(metadata)
        image_uri = metadata.get("image")
        if not isinstance(image_uri, str) or not image_uri.strip():
            return Problem(
                INVALID_METADATA, METADATA_BREAKS_SCHEMA(problems=" ".join(problems)) if problems else NO_IMAGE()
            )
        try:
            address = ipfs_address(image_uri)
            fields["image_cid"] = address.cid
            image = self.fetcher.fetch(address, MAX_IMAGE_BYTES, UNREADABLE_IMAGE)
        except FetchProblem as exc:
            return Problem(exc.kind, exc.reason)
        image_problem = _image_fields(image, fields)
        if problems:
            return Problem(INVALID_METADATA, METADATA_BREAKS_SCHEMA(problems=" ".join(problems)))
        return image_problem


def _moment(timestamp: int) -> datetime | int:
    """A moment the window shows in its person's way; the bare number when it is no calendar date (a node's lie)."""
    try:
        return datetime.fromtimestamp(timestamp, UTC)
    except (OverflowError, OSError, ValueError):
        return timestamp


def _described(metadata: dict[str, Any]) -> dict[str, Any]:
    """Name, description, traits and provenance as the app writes them (properties.generation)."""
    properties = metadata.get("properties")
    generation = properties.get("generation") if isinstance(properties, dict) else None
    generation = generation if isinstance(generation, dict) else None
    attributes = metadata.get("attributes")
    traits = tuple(
        (str(item["trait_type"])[:200], str(item["value"])[:200])
        for item in (attributes if isinstance(attributes, list) else ())  # a number or text here is no list of traits
        if isinstance(item, dict) and "trait_type" in item and "value" in item
    )
    return {
        "metadata": metadata,
        "name": _text(metadata.get("name")),
        "description": _text(metadata.get("description")),
        "traits": traits,
        "generation": generation,
        "prompt": _text((generation or {}).get("prompt")),
        "model_hash": _text((generation or {}).get("model_sha256")),
    }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _image_fields(image: bytes, fields: dict[str, Any]) -> Problem | None:
    """Width and height read from the header before anything is decoded; the image kept either way."""
    from PIL import Image

    fields["image"] = image
    fields["image_sha256"] = hashlib.sha256(image).hexdigest()
    try:
        with Image.open(io.BytesIO(image), formats=IMAGE_FORMATS) as picture:
            width, height = picture.size
            if width * height > MAX_PIXELS:
                return Problem(
                    UNREADABLE_IMAGE,
                    IMAGE_TOO_LARGE(width=width, height=height, limit=MAX_PIXELS // 1_000_000),
                )
            picture.verify()  # checks the file's structure without decoding the pixels
    except Image.DecompressionBombError:  # Pillow's own cap, met in the header before ours
        return Problem(UNREADABLE_IMAGE, IMAGE_BOMB(limit=MAX_PIXELS // 1_000_000))
    # Any exception, as app/safety/image_check.check_picture: Pillow's parsers raise more than they document (verify()
    # of a PNG without pixel data raises IndexError), and whatever a hostile file makes it raise, the picture is unread.
    except Exception:  # noqa: BLE001
        return Problem(UNREADABLE_IMAGE, IMAGE_UNREADABLE())
    fields["width"], fields["height"] = width, height
    return None
