"""What the curation benchmark measures on: a store of `n` distinct synthetic submissions and a campaign contract
with 1,000 minted tokens, each built once and kept in a cache folder keyed by a version (a re-run copies them
instead of building them again), and the two measurements that need no window: the duplicates pass and the import.

Submissions are 96×96 PNGs of a random 6×6 grid of colours (distinct pictures, distinct perceptual hashes, about
500 bytes each), the newest 256 of them (the first screen, and the entries the scoring part scores) 1024×1024
renders of such a grid, smoothly scaled, so decoding and scaling cost what a real picture costs. They are added
through `store.add` in batches as an import adds them.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

VERSION = 3  # bump when what is built changes: the cached copies are then built again
SIDE, GRID = 96, 6
LARGE, LARGE_SIDE = 256, 1024  # the newest submissions, shown first and scored, are full-size renders
BATCH = 2_000
TOKENS = 1_000
CACHE = Path(tempfile.gettempdir()) / "sm6-bench-cache"
WORDS = ("pearl white", "gold wheels", "midnight blue", "harbour at dusk", "hanok courtyard", "부산 야경", "carbon")


def _pictures(first: int, count: int, large: int) -> list[bytes]:
    """`count` distinct PNGs, the last `large` of them LARGE_SIDE square (smooth, as a render is)."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(first)
    grids = rng.integers(0, 256, size=(count, GRID, GRID, 3), dtype=np.uint8)
    scale = SIDE // GRID
    out = []
    for i, grid in enumerate(grids):
        buffer = io.BytesIO()
        if i >= count - large:
            picture = Image.fromarray(grid, "RGB").resize((LARGE_SIDE, LARGE_SIDE), Image.Resampling.BILINEAR)
        else:
            picture = Image.fromarray(grid.repeat(scale, 0).repeat(scale, 1), "RGB")
        picture.save(buffer, "PNG", compress_level=1 if i >= count - large else 6)
        out.append(buffer.getvalue())
    return out


def _candidates(first: int, count: int, n: int):
    """Submissions first .. first + count of a store of `n`: the newest LARGE of them (shown first) are large."""
    import hashlib

    from app.curation.models import Candidate

    large = max(0, first + count - max(first, n - LARGE))
    made = []
    for i, png in enumerate(_pictures(first, count, large), start=first):
        side = LARGE_SIDE if i >= n - LARGE else SIDE
        sha = hashlib.sha256(png).hexdigest()
        words = f"{WORDS[i % len(WORDS)]}, {WORDS[(i * 7) % len(WORDS)]}"
        made.append(
            Candidate(
                f"file:{sha}",
                "folder",
                f"entries/{i:06d}.png",
                png,
                sha,
                side,
                side,
                name=f"Renault SM6 in {words} #{i}",
                description=f"A Renault SM6, {words}, at dusk.",
                prompt=f"a renault sm6, {words}",
                traits=(("Trim", ("Inspire", "Initiale Paris")[i % 2]), ("Colour", WORDS[i % len(WORDS)])),
                created_at=1_700_000_000 + i,
            )
        )
    return made


def store_file(n: int) -> tuple[Path, float | None]:
    """The cached store of `n` submissions (built now if missing: its build time, else None)."""
    from app.curation.store import open_store

    target = CACHE / f"curation-v{VERSION}-{n}.db"
    if target.is_file():
        return target, None
    CACHE.mkdir(parents=True, exist_ok=True)
    building = target.with_suffix(".building")
    for leftover in CACHE.glob(building.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    store = open_store("", building)
    try:
        for first in range(0, n, BATCH):
            added, _ = store.add(_candidates(first, min(BATCH, n - first), n))
            assert added == min(BATCH, n - first), "synthetic submissions must be distinct"
    finally:
        store.close()
    building.replace(target)  # whole or not at all: an interrupted build is started again
    return target, time.perf_counter() - started


def working_copy(cached: Path, folder: Path) -> Path:
    """A copy of a cached store to work on (scores and hashes are written into it)."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / cached.name
    shutil.copyfile(cached, copy)
    return copy


# --- the duplicates pass ------------------------------------------------------------------------------------------


@dataclass
class DuplicateFigures:
    first_pass: float
    hashing: float
    rerun: float
    one_hash: float  # one picture hashed here (the baseline: n of them over 2 workers is the pool's ideal)
    reads: float  # reading every stored hash and sha256 back (the re-run's baseline: it cannot do less)
    groups: int
    unreadable: int


def duplicate_pass(db_file: Path) -> DuplicateFigures:
    from app.curation.duplicate_pass import run_duplicate_pass
    from app.curation.duplicates import perceptual_hash
    from app.curation.store import open_store
    from tests.benchmarks.common import median

    store = open_store("", db_file)
    try:
        sample = store.image(store.unhashed(limit=1)[0][1]) or b""
        one = median([_timed(perceptual_hash, sample) for _ in range(200)])
        started = time.perf_counter()
        result = run_duplicate_pass(store, workers=2)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = run_duplicate_pass(store, workers=2)  # nothing new to hash: reads the hashes, regroups, stores
        rerun = time.perf_counter() - started
        assert again.hashed == 0
        reads = median([_timed(lambda: (store.phashes(), store.image_hashes())) for _ in range(3)])
        return DuplicateFigures(first, result.hashing_s, rerun, one, reads, result.groups, result.unreadable)
    finally:
        store.close()


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


# --- the import from a local node ----------------------------------------------------------------------------------


@dataclass
class ImportFigures:
    node: str  # what answered JSON-RPC
    seconds: float
    added: int
    bad: int
    one_token: float  # one token's two gateway reads alone (metadata and image): the baseline
    minting: float | None  # seconds the tokens took to mint (None: the minted chain came from the cache)


def import_from_anvil(root: Path, count: int = TOKENS) -> ImportFigures:
    """`count` tokens minted on Anvil (a real local node, tests/fixtures/anvil.py), imported over its JSON-RPC with
    their files from the HTTP gateway. AnvilUnavailable where Node.js is missing."""
    from app.chain.networks import custom_network
    from tests.fixtures.anvil import Anvil, installed_binary
    from tests.fixtures.curation_chain import Gateway

    with Anvil(installed_binary(), root / "anvil") as anvil, _served(Gateway()) as gateway:
        token = anvil.deploy_token()
        started = time.perf_counter()
        _mint_on_anvil(anvil, token, gateway, count)
        minting = time.perf_counter() - started
        network = custom_network(anvil.rpc_url, anvil.chain_id, contract=token)
        seconds, result = _import(root / "anvil.db", network, gateway, sandbox=None)
        return ImportFigures("Anvil", seconds, result.added, result.bad, _one_token(gateway), minting)


def import_from_sandbox(root: Path, count: int) -> ImportFigures:
    """`count` tokens of the campaign fixture (the app's own sandbox chain, py-evm), imported as the app imports from
    its sandbox (in process: `source_for("chain:sandbox", ...)`), files from the gateway. The minted chain is cached."""
    from app.chain.networks import SANDBOX

    folder, minting = _campaign_folder(count)
    shutil.copytree(folder, root / "chain")
    with _reopened(root / "chain", count) as c:
        seconds, result = _import(root / "sandbox.db", SANDBOX, c.gateway, sandbox=c.sandbox)
        return ImportFigures("the sandbox", seconds, result.added, result.bad, _one_token(c.gateway), minting)


def _import(db_file: Path, network, gateway, *, sandbox):
    from app.curation.import_sources import ChainImportSource
    from app.curation.importer import run_import
    from app.curation.sources.chain_source import ChainSource
    from app.curation.sources.ipfs_fetch import GATEWAY, IpfsSource
    from app.curation.store import open_store

    store = open_store("", db_file)
    try:
        started = time.perf_counter()
        ipfs = IpfsSource(GATEWAY, gateway.base_url, timeout_s=5)
        chain = ChainSource.open(network, ipfs, sandbox=sandbox, contract=network.contract or "")
        result = run_import(store, ChainImportSource(chain, known=store.has_sources))
        seconds = time.perf_counter() - started
        assert result.finished, str(result.error)
        return seconds, result
    finally:
        store.close()


def _mint_on_anvil(anvil, token: str, gateway, count: int) -> None:
    """Mint as the campaign fixture does, each token in its own block; sent without waiting for each receipt."""
    from eth_account import Account

    from app.chain.contract import content_hash, mint_call_data
    from app.token.metadata import metadata_bytes
    from tests.fixtures.curation_chain import MINT_GAS, URI_GAS_PER_WORD, owners, tiny_png, token_metadata

    w3, key = anvil.web3, anvil.keys[0]
    sender = Account.from_key(key)
    nonce = w3.eth.get_transaction_count(sender.address, "pending")
    fee = 2 * int(w3.eth.get_block("latest")["baseFeePerGas"]) + 10**9
    holders = owners()
    last = None
    for index in range(1, count + 1):
        image = tiny_png(index)
        uri = f"ipfs://{gateway.add(metadata_bytes(token_metadata(index, f'ipfs://{gateway.add(image)}')))}"
        tx = {
            "type": 2,
            "chainId": anvil.chain_id,
            "nonce": nonce + index - 1,
            "to": token,
            "value": 0,
            "gas": MINT_GAS + URI_GAS_PER_WORD * (len(uri) // 32 + 1),
            "maxFeePerGas": fee,
            "maxPriorityFeePerGas": 10**9,
            "data": mint_call_data(holders[index % len(holders)], uri, content_hash(image + index.to_bytes(4, "big"))),
        }
        last = w3.eth.send_raw_transaction(sender.sign_transaction(tx).raw_transaction)
    if last is not None:
        assert w3.eth.wait_for_transaction_receipt(last, 120, poll_latency=0.05)["status"] == 1


class _served:
    def __init__(self, gateway) -> None:
        self.gateway = gateway

    def __enter__(self):
        return self.gateway.start()

    def __exit__(self, *_exc) -> None:
        self.gateway.stop()


def _campaign_folder(count: int) -> tuple[Path, float | None]:
    from tests.fixtures.curation_chain import campaign

    target = CACHE / f"campaign-v{VERSION}-{count}"
    if (target / "minted").is_file():
        return target, None
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    with campaign(building, count):
        pass
    (building / "minted").write_text(str(count))
    building.rename(target)
    return target, time.perf_counter() - started


class _reopened:
    """The cached campaign again: its sandbox chain reopened and its files served again (the same bytes, so the same
    CIDs the tokens name)."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder, self.count = folder, count

    def __enter__(self):
        from app.chain.sandbox import SandboxChain
        from app.token.metadata import metadata_bytes
        from tests.fixtures.curation_chain import Campaign, Gateway, RpcProxy, tiny_png, token_metadata

        sandbox = SandboxChain(self.folder)
        gateway = Gateway().start()
        for index in range(1, self.count + 1):  # what `Campaign.mint` served for token `index`
            image_cid = gateway.add(tiny_png(index))
            gateway.add(metadata_bytes(token_metadata(index, f"ipfs://{image_cid}")))
        self.campaign = Campaign(sandbox, gateway, RpcProxy(sandbox))
        return self.campaign

    def __exit__(self, *_exc) -> None:
        self.campaign.gateway.stop()
        self.campaign.sandbox.close()


def _one_token(gateway) -> float:
    """Reading one token's two files from the gateway, without the chain: the gateway's share of a token."""
    import urllib.request

    from tests.benchmarks.common import median

    def read() -> None:
        for cid in list(gateway.files)[:2]:
            with urllib.request.urlopen(f"{gateway.base_url}/ipfs/{cid}", timeout=10) as reply:
                reply.read()

    return median([_timed(read) for _ in range(20)])
