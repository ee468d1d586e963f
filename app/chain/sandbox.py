"""The sandbox: a private Kaia-like chain in this process (py-evm through eth-tester), for trying the whole flow
with no network and no real money.

Its state lives in `<data>/chain/sandbox.sqlite3`: py-evm's key/value store is kept in SQLite (WAL, synchronous
FULL) and flushed after every JSON-RPC call, so balances and minted tokens survive a restart. A crash between a
block and its flush loses at most that block; the minting outbox rebroadcasts its signed bytes, so a mint still
lands exactly once. The first start deploys SM6DesignToken from a development account that holds the sandbox's
KAIA; `fund()` gives a wallet test KAIA and the minter role.

One thread at a time: py-evm is not thread-safe, and the chain service calls it from its own worker thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from eth_account import Account
from eth_utils import is_checksum_address, keccak, to_checksum_address
from web3 import EthereumTesterProvider, Web3
from web3.exceptions import Web3Exception

from app.chain import messages as msgs
from app.chain.contract import load_artifact, revert_data
from app.chain.networks import KEI_PER_KAIA, SANDBOX, SANDBOX_CHAIN_ID
from app.errors import StorageError
from app.sqlite_db import immediate, migrate, open_durable
from app.storage_errors import DAMAGED, SANDBOX_CHAIN_STORE, StorageFailure, cannot_be_opened, describe, storage_error

log = logging.getLogger(__name__)

# The development account's key is public on purpose: it only ever holds sandbox KAIA, which is worth nothing.
DEV_KEY = keccak(b"SM6 Design Studio sandbox development account")
DEV_BALANCE = 1_000_000_000 * KEI_PER_KAIA
FAUCET_KAIA = 100 * KEI_PER_KAIA
GAS_PRICE_TIP = 0  # like Kaia, where eth_maxPriorityFeePerGas is usually 0
CACHE_ENTRIES = 4096  # trie nodes and code read lately; a few MB at most, whatever the chain's length

# Step N makes schema version N (app.sqlite_db.migrate). Files from before versions were kept are version 0 with
# these very tables, which IF NOT EXISTS leaves as they are.
_MIGRATIONS = [
    "CREATE TABLE IF NOT EXISTS kv (key BLOB PRIMARY KEY, value BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
]


class _SqliteKV:
    """py-evm's key/value database interface over SQLite, read through: only recent keys are kept in memory.

    Loading every row at start made memory and start time grow with the chain's history (issue 14); SQLite's own
    page cache already serves repeated reads. Writes wait in `_dirty` until `flush()`, and reads see them first.
    """

    def __init__(self, path: Path, cache_size: int | None = None) -> None:
        self._conn = open_durable(path, newest=len(_MIGRATIONS), store=SANDBOX_CHAIN_STORE())
        try:
            migrate(self._conn, _MIGRATIONS, store=SANDBOX_CHAIN_STORE(), file=path)
        except BaseException:
            self._conn.close()
            raise
        self._dirty: dict[bytes, bytes | None] = {}  # None: deleted
        # Recent reads, absent keys too (py-evm asks for many keys that are not there); least recent first.
        self._cache: OrderedDict[bytes, bytes | None] = OrderedDict()
        self._cache_size = cache_size or CACHE_ENTRIES

    def _lookup(self, key: bytes) -> bytes | None:
        if key in self._dirty:
            return self._dirty[key]
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        row = self._conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        value = row[0] if row else None
        self._remember(key, value)
        return value

    def _remember(self, key: bytes, value: bytes | None) -> None:
        cache = self._cache
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > self._cache_size:
            cache.popitem(last=False)

    def _write(self, key: bytes, value: bytes | None) -> None:
        self._dirty[key] = value
        self._cache.pop(key, None)  # `_dirty` answers until the flush; afterwards SQLite does

    # the DatabaseAPI subset py-evm uses (eth.db.backends.base.BaseDB)
    def __getitem__(self, key: bytes) -> bytes:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self._write(key, value)

    def __delitem__(self, key: bytes) -> None:
        if self._lookup(key) is None:
            raise KeyError(key)
        self._write(key, None)

    def __contains__(self, key: bytes) -> bool:
        return self._lookup(key) is not None

    def _exists(self, key: bytes) -> bool:
        return key in self

    def exists(self, key: bytes) -> bool:
        return key in self

    def get(self, key: bytes, default: bytes | None = None) -> bytes | None:
        value = self._lookup(key)
        return default if value is None else value

    def set(self, key: bytes, value: bytes) -> None:
        self[key] = value

    def delete(self, key: bytes) -> None:
        if key in self:
            del self[key]

    @property
    def empty(self) -> bool:
        if any(value is not None for value in self._dirty.values()):
            return False
        return self._conn.execute("SELECT 1 FROM kv LIMIT 1").fetchone() is None

    def meta(self, name: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def flush(self, meta: dict[str, str] | None = None) -> None:
        if not self._dirty and not meta:
            return
        dirty, self._dirty = self._dirty, {}
        try:
            with immediate(self._conn) as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)",
                    [(k, v) for k, v in dirty.items() if v is not None],
                )
                conn.executemany("DELETE FROM kv WHERE key = ?", [(k,) for k, v in dirty.items() if v is None])
                conn.executemany("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (meta or {}).items())
        except sqlite3.Error:
            dirty.update(self._dirty)
            self._dirty = dirty  # nothing lost: the next flush tries again
            raise
        for key, value in dirty.items():  # what was just written is what is read next, as a rule
            self._remember(key, value)

    def close(self) -> None:
        self._conn.close()


class _PersistingProvider(EthereumTesterProvider):
    """eth-tester's provider that saves the chain after each call and answers failures as a node would."""

    def __init__(self, tester: Any, kv: _SqliteKV, lock: threading.RLock) -> None:
        from web3.providers.eth_tester.defaults import API_ENDPOINTS, static_return

        endpoints = {namespace: dict(calls) for namespace, calls in API_ENDPOINTS.items()}
        endpoints["eth"]["chainId"] = static_return(SANDBOX_CHAIN_ID)  # eth-tester answers a fixed id otherwise
        endpoints["net"]["version"] = static_return(str(SANDBOX_CHAIN_ID))
        endpoints["eth"]["maxPriorityFeePerGas"] = static_return(GAS_PRICE_TIP)  # Kaia's usual answer
        super().__init__(tester, endpoints)
        self._kv = kv
        self._lock = lock

    def make_request(self, method, params):
        with self._lock:
            try:
                response = super().make_request(method, params)
            except Exception as exc:  # noqa: BLE001 - a node answers with an error object, not a crash
                data = revert_data(exc)
                if data is not None and "revert" in str(exc).lower():
                    error = {"code": 3, "message": "execution reverted", "data": "0x" + data.hex()}  # as geth does
                else:
                    error = {"code": -32000, "message": _node_message(exc)}
                log.debug("sandbox %s failed: %s", method, error["message"])
                response = {"id": "0", "jsonrpc": "2.0", "error": error}
            self._kv.flush()
            return response


def _node_message(exc: Exception) -> str:
    """eth-tester's exceptions in the words Kaia/geth nodes use, so one error mapping serves every network."""
    text = str(exc.args[0] if exc.args and isinstance(exc.args[0], str) else exc)
    lowered = text.lower()
    if "insufficient" in lowered or "cannot afford" in lowered:
        return f"insufficient funds for gas * price + value ({text})"
    if "nonce" in lowered and ("expected" in lowered or "invalid" in lowered):
        return f"nonce too low ({text})"
    if "chain" in lowered and "id" in lowered:
        return f"invalid chain id ({text})"
    return text


class SandboxChain:
    """Open (or create, deploying the contract) the sandbox in `folder`. `web3` talks to it like to any node."""

    network = SANDBOX

    def __init__(self, folder: Path) -> None:
        folder = Path(folder)
        self._file = folder / "sandbox.sqlite3"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._kv = _SqliteKV(self._file)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(msgs.SANDBOX_UNOPENABLE(folder=folder), details=str(exc)) from exc
        try:
            load_artifact()  # the package's own contract: missing, it is no damaged data folder (said as it was)
        except BaseException:
            self._kv.close()
            raise
        try:
            self._start()
        except Exception as exc:
            self._kv.close()
            if isinstance(exc, StorageError):
                raise
            raise self._damaged(exc) from exc

    def _damaged(self, exc: Exception) -> StorageFailure:
        """The saved chain cannot be read back: a damaged page, or py-evm's state (blocks, tries) no longer whole.
        The file is left as it is; a sandbox holds nothing of value, so moving it aside starts afresh."""
        store, folder = SANDBOX_CHAIN_STORE(), self._file.parent
        if isinstance(exc, (OSError, sqlite3.Error)):
            return storage_error(exc, cannot_be_opened(store), folder=folder, file=self._file, store=store)
        message = describe(DAMAGED, cannot_be_opened(store), folder=folder, file=self._file, store=store)
        return StorageFailure(message, f"{type(exc).__name__}: {exc}", DAMAGED)

    def _start(self) -> None:
        from eth.db.atomic import AtomicDB
        from eth_tester import EthereumTester, PyEVMBackend
        from eth_tester.backends.pyevm.main import get_default_genesis_params

        self.dev = Account.from_key(DEV_KEY)
        genesis_state = {
            bytes.fromhex(self.dev.address[2:]): {"balance": DEV_BALANCE, "nonce": 0, "code": b"", "storage": {}}
        }
        backend = PyEVMBackend(genesis_state=genesis_state)
        chain_class = type(backend.chain)  # eth-tester's post-merge chain, made for this backend alone
        chain_class.chain_id = SANDBOX_CHAIN_ID
        fresh = self._kv.empty
        base = AtomicDB(self._kv)
        if fresh:
            backend.chain = chain_class.from_genesis(base, get_default_genesis_params(), genesis_state)
        else:
            backend.chain = chain_class(base)
        self._lock = threading.RLock()
        self.tester = EthereumTester(backend)
        self.web3 = Web3(_PersistingProvider(self.tester, self._kv, self._lock))
        self.web3.eth.default_account = self.dev.address  # eth-tester charges calls to it: it must hold KAIA
        self.contract_address = self._kv.meta("contract") or ""
        if self.contract_address and not (
            isinstance(self.contract_address, str) and is_checksum_address(self.contract_address)
        ):
            raise ValueError(f"the saved contract address is not one: {str(self.contract_address)[:80]!r}")
        if fresh or not self.contract_address:
            self.contract_address = self._deploy()
            self._kv.flush({"contract": self.contract_address})
        log.info("sandbox chain at block %s, contract %s", self.web3.eth.block_number, self.contract_address)

    # --- transactions from the development account ---

    def _send_from_dev(self, tx: dict[str, Any]) -> dict[str, Any]:
        w3 = self.web3
        base_fee = w3.eth.get_block("latest")["baseFeePerGas"]
        tx = {
            "chainId": SANDBOX_CHAIN_ID,
            "nonce": w3.eth.get_transaction_count(self.dev.address, "pending"),
            "maxPriorityFeePerGas": GAS_PRICE_TIP,
            "maxFeePerGas": 2 * base_fee + GAS_PRICE_TIP,
            "type": 2,
            **tx,
        }
        if "gas" not in tx:
            tx["gas"] = w3.eth.estimate_gas({k: v for k, v in tx.items() if k != "nonce"})
        signed = self.dev.sign_transaction(tx)
        receipt = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(signed.raw_transaction), 30)
        if receipt["status"] != 1:
            raise RuntimeError(f"sandbox transaction failed: {receipt['transactionHash'].hex()}")
        return receipt

    def _deploy(self) -> str:
        artifact = load_artifact()
        factory = self.web3.eth.contract(abi=artifact["abi"], bytecode=artifact["bytecode"])
        data = factory.constructor(self.dev.address).build_transaction({"from": self.dev.address, "gas": 0})["data"]
        receipt = self._send_from_dev({"data": data, "gas": 6_000_000})
        return to_checksum_address(receipt["contractAddress"])

    def fund(self, address: str, amount_kei: int = FAUCET_KAIA, minter: bool = True) -> None:
        """Give `address` sandbox KAIA and (unless `minter` is False) let it mint: what a newcomer needs.

        The development account cannot run short, so a node error here is state read back damaged (py-evm reads
        the saved tries as it goes): said as a damaged file."""
        address = to_checksum_address(address)
        try:
            self._fund(address, amount_kei, minter)
        except (Web3Exception, RuntimeError) as exc:
            raise self._damaged(exc) from exc

    def _fund(self, address: str, amount_kei: int, minter: bool) -> None:
        if amount_kei:
            self._send_from_dev({"to": address, "value": int(amount_kei), "gas": 21_000})
        contract = self.web3.eth.contract(address=self.contract_address, abi=load_artifact()["abi"])
        if minter and not contract.functions.isMinter(address).call():
            data = contract.functions.setMinter(address, True).build_transaction({"from": self.dev.address, "gas": 0})
            self._send_from_dev({"to": self.contract_address, "data": data["data"]})

    def set_deadline(self, timestamp: int) -> None:
        """The contract's submission deadline (0: none), as campaign staff would set it on a real network."""
        contract = self.web3.eth.contract(address=self.contract_address, abi=load_artifact()["abi"])
        data = contract.functions.setSubmissionDeadline(int(timestamp)).build_transaction(
            {"from": self.dev.address, "gas": 0}
        )
        self._send_from_dev({"to": self.contract_address, "data": data["data"]})

    def close(self) -> None:
        with self._lock:
            self._kv.flush()
            self._kv.close()
