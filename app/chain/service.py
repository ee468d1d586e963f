"""The wallet and minting as the app uses them: the app's `chain` executor (app/executors.py: one worker) owns the
chain connection, the sandbox, the wallet session and the mint outbox, so the UI thread never waits on scrypt, a node
or the EVM, and signing and sending happen one at a time, so nonces go out in order.

Every public method returns a `concurrent.futures.Future`; the UI takes its answer through ui/tasks.py `deliver`.
Settings are read afresh for each call, so switching networks in the wallet applies at once.
"""

from __future__ import annotations

import logging
import threading
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from app.chain import errors
from app.chain import messages as msgs
from app.chain.networks import Network, checked_recipient
from app.chain.settings import ChainSettings
from app.chain.user_input import NOTE, InputError, checked_text
from app.chain.wallet_errors import WalletError
from app.changes import ChangeFeed, TokenMinted, WalletChanged
from app.executors import run
from app.messages import Msg

log = logging.getLogger(__name__)

OFFLINE_QUEUED = Msg(
    "chain.offline_queued",
    "The network cannot be reached, so nothing was signed. The mint waits in the outbox: confirm it again when this "
    "computer is online.",
)


@dataclass(frozen=True)
class Overview:
    network: Network
    address: str
    balance: int  # kei
    can_mint: bool
    contract: str


REVIEWED_WITH_ANOTHER_ACCOUNT = Msg(
    "chain.reviewed_with_another_account",
    "Another wallet account is unlocked now than the one this was reviewed with, so nothing was signed. Review it "
    "again, then confirm.",
)
REVIEWED_ON_ANOTHER_NETWORK = Msg(
    "chain.reviewed_on_another_network",
    "The network was changed after the review, so nothing was signed. Review it again on the network shown, then "
    "confirm.",
)
MAX_MEMO_LENGTH = 200


@dataclass(frozen=True)
class MintQuote:
    """What the person confirms: the mint (or transfer) as recorded, and the exact transaction that will be signed.

    A transfer is recorded only on Confirm: `payout` says what will be recorded (its values make it the same payout
    however often it is confirmed), or `record` is the earlier, unlanded payout of these values that confirming
    continues. `repeat_of` is the latest payout of the same values that already landed: the review says so."""

    record: Any  # MintRecord; None for a payout not recorded yet
    tx: dict
    network: Network
    likely_cost: int  # kei
    max_cost: int  # kei
    payout: Any = None  # mint_outbox.Payout
    repeat_of: Any = None  # MintRecord

    @property
    def recipient(self) -> str:
        return self.payout.recipient if self.payout is not None else self.record.recipient

    @property
    def memo(self) -> str:
        return self.payout.memo if self.payout is not None else self.record.memo


class _SessionSigner:
    """The unlocked account as the outbox's signer: signing touches the session and fails once it auto-locked."""

    def __init__(self, session) -> None:
        self._session = session

    @property
    def address(self) -> str:
        account = self._session.account
        if account is None:
            from app.chain.wallet_errors import WalletLockedError

            raise WalletLockedError(msgs.WALLET_LOCKED())
        return account.address

    def sign_transaction(self, tx: dict):
        return self._session.sign_transaction(tx)


class ChainService:
    def __init__(
        self, data_dir: Path, settings: Callable[[], ChainSettings], changes: ChangeFeed | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self._settings = settings
        # WalletChanged after accounts, the lock or a balance changed; TokenMinted once a mint is recorded as minted.
        self.changes = changes if changes is not None else ChangeFeed()
        self._closed = threading.Event()
        self._futures_lock = threading.Lock()
        self._futures: set[Future] = set()  # this service's work not ended yet (the executor is shared)
        # Built on the worker thread, on first use: web3 and py-evm take seconds to import.
        self._store = None
        self._session = None
        self._outbox = None
        self._sandbox = None
        self._client = None

    # --- plumbing ---

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        with self._futures_lock:
            if self._closed.is_set():
                future: Future = Future()
                future.set_exception(RuntimeError("the chain service is closed"))
                return future
            future = run("chain", fn, *args)
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return future

    def _forget(self, future: Future) -> None:
        with self._futures_lock:
            self._futures.discard(future)

    def close(self) -> None:
        with self._futures_lock:
            self._closed.set()
            left = list(self._futures)
        # Queued work is dropped and the running call finishes first; closing then runs here, as the only thread
        # left touching this service's chain (submitted as one more task, it could itself be cancelled as queued
        # work, or wait behind another service's).
        for future in left:
            future.cancel()
        futures.wait(left)
        self._close_resources()

    def _then_tell(self, what: str, fn: Callable[..., Any], *args: Any) -> Future:
        """Run `fn` on the worker; once it returned, publish WalletChanged(`what`)."""

        def run():
            result = fn(*args)
            self.changes.publish(WalletChanged(what))  # type: ignore[arg-type]
            return result

        return self.submit(run)

    def _settling(self, fn: Callable[[], Any]) -> Any:
        """Call `fn` (on the worker) and publish what it settled: TokenMinted for each mint now minted, and one
        WalletChanged("activity") when any record changed state."""
        before = {r.id: r.state for r in self.outbox.mints()}
        result = fn()
        settled = [r for r in self.outbox.mints() if before.get(r.id) != r.state]
        for record in settled:
            if record.kind == "mint" and record.state == "minted":
                self.changes.publish(TokenMinted(record))
        if settled:
            self.changes.publish(WalletChanged("activity"))
        return result

    def _close_resources(self) -> None:
        if self._session is not None:
            self._session.lock()
        if self._outbox is not None:
            self._outbox.close()
        if self._sandbox is not None:
            self._sandbox.close()

    @property
    def store(self):
        if self._store is None:
            from app.chain.session import WalletSession
            from app.chain.wallet import WalletStore

            self._store = WalletStore(self.data_dir / "wallet")
            self._session = WalletSession(idle_timeout_s=self._settings().auto_lock_minutes * 60)
        return self._store

    @property
    def session(self):
        self.store  # noqa: B018 - builds the session with the store
        return self._session

    @property
    def outbox(self):
        if self._outbox is None:
            from app.chain.mint_outbox import MintOutbox

            self._outbox = MintOutbox(self.data_dir / "chain" / "mints.sqlite3")
        return self._outbox

    def _connect(self):
        from app.chain.client import ChainClient

        network = self._settings().selected_network()
        if self._client is not None and self._client.network == network:
            return self._client
        self._client = None
        sandbox = None
        if network.is_sandbox:
            if self._sandbox is None:
                from app.chain.sandbox import SandboxChain

                self._sandbox = SandboxChain(self.data_dir / "chain" / "sandbox")
            sandbox = self._sandbox
        client = ChainClient.connect(network, sandbox=sandbox)
        self._client = client
        try:
            # Whatever an earlier session left signed settles first.
            self._settling(lambda: self.outbox.reconcile(client))
        except errors.ChainError as exc:
            log.info("reconcile on connect: %s", exc.details or exc.message)
        return client

    # --- wallet (each returns a Future) ---

    def accounts(self) -> Future:
        return self.submit(lambda: self.store.accounts())

    def create_account(self, name: str, password: str) -> Future:
        return self._then_tell("accounts", self.store.create, name, password)

    def import_private_key(self, name: str, key: str, password: str) -> Future:
        return self._then_tell("accounts", self.store.import_private_key, name, key, password)

    def import_keystore(self, name: str, text: str, password: str) -> Future:
        return self._then_tell("accounts", self.store.import_keystore, name, text, password)

    def read_keystore_file(self, path) -> Future:
        """A keystore file's text, checked (size, UTF-8, nesting, a v3 keystore), for import_keystore."""
        return self.submit(self.store.keystore_file_text, path)

    def import_mnemonic(self, name: str, words: str, password: str, path: str) -> Future:
        return self._then_tell("accounts", self.store.import_mnemonic, name, words, password, path)

    def unlock(self, address: str, password: str, keep_unlocked: bool = False) -> Future:
        """`keep_unlocked`: no auto-lock until `lock()` (the kiosk's wallet, unlocked by staff for the day)."""

        def run():
            self.session.idle_timeout_s = self._settings().auto_lock_minutes * 60
            return self.session.unlock(self.store, address, password, keep_unlocked).address

        return self._then_tell("lock", run)

    def lock(self) -> Future:
        return self._then_tell("lock", lambda: self.session.lock())

    def unlocked_address(self) -> str | None:
        """Cheap and thread-safe (the session has its own lock): which account is unlocked now, if any."""
        if self._session is None:
            return None
        self._session.check_idle()
        account = self._session.account
        return account.address if account is not None else None

    def touch(self) -> None:
        """The person is using the wallet: postpone the auto-lock (cheap, any thread)."""
        if self._session is not None:
            self._session.touch()

    def rename(self, address: str, name: str) -> Future:
        return self._then_tell("accounts", self.store.rename, address, name)

    def remove(self, address: str) -> Future:
        def run():
            if self.unlocked_address() == address:
                self.session.lock()
            return self.store.remove(address)

        return self._then_tell("accounts", run)

    def export_keystore(self, address: str) -> Future:
        return self.submit(self.store.export_keystore, address)

    # --- chain ---

    def overview(self, address: str) -> Future:
        def run() -> Overview:
            client = self._connect()
            can_mint = client.is_minter(address) if client.contract is not None else False
            contract = client.contract.address if client.contract is not None else ""
            return Overview(client.network, address, client.balance(address), can_mint, contract)

        return self.submit(run)

    def head(self) -> Future:
        """(the network in use, its latest block number): the kiosk's health check. ChainError when unreachable."""

        def run() -> tuple[Network, int]:
            client = self._connect()
            return client.network, client.call(lambda: int(client.web3.eth.block_number))

        return self.submit(run)

    def faucet(self, address: str) -> Future:
        """Sandbox only: test KAIA and the minter role for `address`."""

        def run():
            self._connect()
            if self._sandbox is None or not self._settings().selected_network().is_sandbox:
                raise errors.ChainError("rejected", msgs.FAUCET_SANDBOX_ONLY())
            self._sandbox.fund(address)

        return self._then_tell("balance", run)

    def minted(self, image_bytes: bytes) -> Future:
        """The mint of this image on the selected network's chain, if it was minted from this app."""

        def run():
            from app.chain.contract import content_hash

            digest, chain_id = content_hash(image_bytes), self._settings().selected_network().chain_id
            return next(
                (
                    m
                    for m in self.outbox.mints()
                    if m.state == "minted" and m.content_hash == digest and m.chain_id == chain_id
                ),
                None,
            )

        return self.submit(run)

    def mints(self) -> Future:
        return self.submit(lambda: self.outbox.mints())

    def quote_mint(self, draft, recipient: str) -> Future:
        """Record the mint (offline it waits in the outbox as "waiting") and build the transaction to confirm.
        A recipient where the token would be lost for good (the zero address, the contract itself) is refused."""

        def run() -> MintQuote:
            from app.chain.client import Fees
            from app.chain.contract import content_hash

            sender = _SessionSigner(self.session).address
            network = self._settings().selected_network()
            to = checked_recipient(recipient, contract=network.contract)

            def queue(contract: str):
                return self.outbox.queue(
                    network.key,
                    network.chain_id,
                    contract,
                    sender,
                    to,
                    draft.token_uri,
                    content_hash(draft.image_bytes),
                    design_id=draft.design.id,
                )

            try:
                client = self._connect()
            except errors.ChainError as exc:
                if exc.retryable and network.contract:  # offline: keep the intent; it is signed only when confirmed
                    queue(network.contract)
                    raise errors.ChainError(exc.kind, OFFLINE_QUEUED(), exc.details) from None
                raise
            if client.contract is None:
                client._contract()  # raises the plain "no contract address" error
            checked_recipient(to, contract=client.contract.address)
            record = queue(client.contract.address)
            if record.state == "minted" or record.state in ("signed", "sent"):
                return MintQuote(record, {}, client.network, 0, 0)
            tx = self.outbox.prepare(record, client)
            fees = Fees.from_transaction(tx)
            return MintQuote(record, tx, client.network, fees.likely_cost(tx["gas"]), fees.max_cost(tx["gas"]))

        return self.submit(run)

    def quote_send(self, recipient: str, value: int, memo: str = "") -> Future:
        """Build the transfer (a payout) to confirm, recording nothing: it is recorded on Confirm, from these values.
        Its values make it "the same payout" for exactly-once (app.chain.mint_outbox explains the rule): a payout of
        them still on its way is waited for, an unlanded one is continued, and one that landed is shown as
        `repeat_of` so the review can say it was paid before. Bad input is an InputError in plain words."""

        def run() -> MintQuote:
            from app.chain.mint_outbox import IN_FLIGHT, Payout

            sender = _SessionSigner(self.session).address
            to = checked_recipient(recipient, sender=sender)
            if type(value) is not int or value <= 0:
                raise InputError(msgs.AMOUNT_ZERO())
            note = checked_text(memo or "", NOTE(), MAX_MEMO_LENGTH)
            client = self._connect()
            network = client.network
            if client.contract is not None:
                checked_recipient(to, contract=client.contract.address)
            same = self.outbox.same_payouts(network.chain_id, to, value, note)
            landed = [m for m in same if m.done]
            repeat_of = landed[-1] if landed else None
            pending = next((m for m in reversed(same) if not m.done), None)
            if pending is not None and pending.state in IN_FLIGHT:
                return MintQuote(pending, {}, network, 0, 0)
            payout = None
            if pending is None:
                payout = Payout(network.key, network.chain_id, to, value, note, occurrence=len(same) + 1)
            fees = client.fees()
            tx = client.send_transaction(sender, to, value, fees)
            likely, most = fees.likely_cost(tx["gas"]), fees.max_cost(tx["gas"])
            return MintQuote(pending, tx, network, likely, most, payout=payout, repeat_of=repeat_of)

        return self.submit(run)

    def confirm(self, quote: MintQuote) -> Future:
        """Sign exactly the quoted transaction, save it, send it, and wait for its receipt. A transfer is recorded
        here, from the reviewed values; confirming the same quote twice records and pays it once."""

        def run():
            from eth_utils import to_checksum_address

            from app.chain.mint_outbox import SIGNABLE

            signer = _SessionSigner(self.session)
            if quote.tx and to_checksum_address(signer.address) != to_checksum_address(quote.tx["from"]):
                raise WalletError(REVIEWED_WITH_ANOTHER_ACCOUNT())
            client = self._connect()
            if client.network.chain_id != quote.network.chain_id:
                raise errors.ChainError("wrong_chain", REVIEWED_ON_ANOTHER_NETWORK())
            record = quote.record
            if quote.payout is not None:
                record = self.outbox.queue_send(quote.payout, signer.address)
            elif record.kind == "mint" and record.state in SIGNABLE:
                # Another review of this design may have changed its recipient since: what is signed is this review.
                record = self.outbox.queue(
                    record.network, record.chain_id, record.contract, record.sender, record.recipient,
                    record.token_uri, record.content_hash, record.design_id,
                )  # fmt: skip
            return self._settling(lambda: self.outbox.sign_and_send(record.id, signer, client, tx=quote.tx))

        return self.submit(run)

    def reconcile(self) -> Future:
        return self.submit(lambda: self._settling(lambda: self.outbox.reconcile(self._connect())))

    def run_on_chain(self, fn: Callable[[Any, Any, Any], Any]) -> Future:
        """Run `fn(client, outbox, signer)` on the worker and publish what it settled: chain work whose rules live
        elsewhere (campaign payouts, app/curation/payouts.py). `signer` is the unlocked account; using it while the
        wallet is locked raises WalletLockedError."""
        return self.submit(
            lambda: self._settling(lambda: fn(self._connect(), self.outbox, _SessionSigner(self.session)))
        )
