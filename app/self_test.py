"""`sm6-studio self-test`: proves an installed copy works end to end (the demo model, one generation through the
window's composition root, the library, a token draft and a mint on the sandbox chain), one line per step.

It runs in a throwaway folder: the data, config and models folders point there for the run (the env variables
app.paths reads; this is a one-shot command, so the process's environment is borrowed and given back), and the
keyring is a null one, so the person's designs, settings, wallets, keys and models are never read or changed. The
folder is removed afterwards, whatever happened, unless `--keep FOLDER` asks to leave it for a support person.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from app import crash_log, i18n
from app.cli_checks import UsageError
from app.cli_messages import helps
from app.errors import UserFacingError
from app.fsutil import describe_os_error
from app.messages import Message, Msg, as_message

HELP = Msg("selftest.help", "check that this installed copy works end to end, without touching your data")
HELP_KEEP = Msg("selftest.help_keep", "keep the test's folder here for a support person (a new or empty folder)")
HELP_JSON = Msg("selftest.help_json", "print the result as JSON on standard output (the steps go to standard error)")
KEEP_NOT_EMPTY = Msg("selftest.keep_not_empty", "--keep needs a new or empty folder; {folder} already holds files.")
KEEP_UNUSABLE = Msg("selftest.keep_unusable", "--keep cannot use {folder}: {reason}.")
NO_TEMP_FOLDER = Msg(
    "selftest.no_temp_folder",
    "The self-test could not make its temporary folder in {folder} ({reason}). Give it a folder of its own with "
    "--keep FOLDER.",
)

LINE_OK = Msg("selftest.line_ok", "✓ {what} ({seconds:.1f} s)")
LINE_FAILED = Msg("selftest.line_failed", "✗ {what}: {reason} ({seconds:.1f} s)")
LINE_SKIPPED = Msg("selftest.line_skipped", "– {what}: skipped")
SKIPPED = Msg("selftest.skipped", "skipped")
ALL_PASSED = Msg("selftest.all_passed", "All checks passed in {seconds:.0f} s.")
FAILED = Msg(
    "selftest.failed",
    "The self-test failed at “{what}”. Your own designs, settings, wallets and models were not touched.",
)
KEPT_IN = Msg("selftest.kept_in", "The test's folder is kept in {folder}.")
DETAILS_IN = Msg("selftest.details_in", "The details are in {where}; send that file to support.")

# What each step is (the ✗ and skipped lines), and what it proved (the ✓ line).
WHAT_DEMO = Msg("selftest.what.demo_model", "Build the demo model")
WHAT_GENERATE = Msg("selftest.what.generate", "Generate a design")
WHAT_LIBRARY = Msg("selftest.what.library", "Save it to the library")
WHAT_TOKEN = Msg("selftest.what.token", "Describe it and draft its token")
WHAT_SANDBOX = Msg("selftest.what.sandbox", "Start the sandbox chain and fund a wallet")
WHAT_MINT = Msg("selftest.what.mint", "Mint the token on the sandbox chain")
DONE_DEMO = Msg("selftest.done.demo_model", "Demo model built")
DONE_GENERATE = Msg("selftest.done.generate", "Design generated on {device}: {steps} steps, {width}×{height}")
DONE_LIBRARY = Msg("selftest.done.library", "Saved to the library with its provenance")
DONE_TOKEN = Msg("selftest.done.token", "Described offline, token drafted")
DONE_SANDBOX = Msg("selftest.done.sandbox", "Sandbox chain started, wallet funded")
DONE_MINT = Msg("selftest.done.mint", "Minted token #{token} on the sandbox chain, owner checked")

# Why a step failed, where the code it ran had nothing plainer to say.
UNEXPECTED = Msg("selftest.unexpected", "something went wrong inside the app (the details are in the error log)")
TOOK_TOO_LONG = Msg("selftest.took_too_long", "it did not finish within {seconds} s")
NO_DESIGN = Msg("selftest.no_design", "the generation ended without a design")
NOT_IN_LIBRARY = Msg("selftest.not_in_library", "the design is not in the library")
PICTURE_CHANGED = Msg("selftest.picture_changed", "the saved picture is missing or differs from the one generated")
NO_PROVENANCE = Msg("selftest.no_provenance", "the saved picture does not carry how it was made")
NOT_FUNDED = Msg("selftest.not_funded", "the sandbox faucet left the wallet empty")
NOT_MINTED = Msg("selftest.not_minted", "the mint ended as “{state}”: {reason}")
WRONG_OWNER = Msg("selftest.wrong_owner", "the chain names another owner of token #{token}")

log = logging.getLogger(__name__)

STEP_TIMEOUT_S = 600  # a first CUDA start can take minutes; a step still going after this is reported, not waited for
PROMPT = "pearl white Renault SM6, self-test"
STEPS, SIZE, SEED = 2, 128, 1
ACCOUNT_NAME = "Self-test"  # i18n: not shown (the throwaway wallet's name)
FOLDERS = {  # env variable app.paths reads → its folder inside the throwaway one
    "SM6_DATA_DIR": "data",
    "SM6_CONFIG_DIR": "config",
    "SM6_MODELS_DIR": "models",
    "SM6_BUNDLED_MODELS_DIR": "bundled-models",
}


class StepFailed(Exception):
    """A step found something wrong: `reason` says what, in plain words."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.english())
        self.reason = reason


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


def add_parser(sub: Any) -> None:
    test = sub.add_parser("self-test", help=helps(HELP))
    test.add_argument("--keep", type=Path, metavar="FOLDER", default=None, help=helps(HELP_KEEP))
    test.add_argument("--json", action="store_true", help=helps(HELP_JSON))


def run(args: argparse.Namespace) -> int:
    keep = _checked_keep(args.keep) if args.keep is not None else None
    out = sys.stderr if args.json else sys.stdout
    check = SelfTest(lambda line: print(line, file=out, flush=True))
    started = time.monotonic()
    root = keep or _make_temp_folder()
    try:
        with _throwaway_folders(root), _no_keyring():
            check.run_all()
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    if check.crash is not None:  # written now that the person's folders are back: the log must outlive the run
        where = crash_log.write(check.crash, "self-test")
        if where is not None:
            check.say(str(DETAILS_IN(where=where)))
    passed = all(step.ok for step in check.results)
    if passed:
        check.say(str(ALL_PASSED(seconds=time.monotonic() - started)))
    else:
        failed = next(step for step in check.results if not step.ok)
        check.say(str(FAILED(what=check.titles[failed.name])))
    if keep is not None:
        check.say(str(KEPT_IN(folder=keep)))
    if args.json:
        steps = [asdict(step) for step in check.results]
        print(json.dumps({"passed": passed, "device": check.device, "steps": steps}, ensure_ascii=False))
    return 0 if passed else 1


def _checked_keep(folder: Path) -> Path:
    folder = folder.expanduser()
    try:
        if folder.exists() and any(folder.iterdir()):
            raise UsageError(KEEP_NOT_EMPTY(folder=folder))
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(KEEP_UNUSABLE(folder=folder, reason=describe_os_error(exc))) from None
    return folder.resolve()


def _make_temp_folder() -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix="sm6-self-test-"))
    except OSError as exc:
        reason = describe_os_error(exc)
        raise UserFacingError(NO_TEMP_FOLDER(folder=tempfile.gettempdir(), reason=reason)) from None


@contextmanager
def _throwaway_folders(root: Path) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in FOLDERS}
    try:
        for name, sub in FOLDERS.items():
            os.environ[name] = str(root / sub)
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _no_keyring() -> Iterator[None]:
    """A null keyring for the run: nothing the steps do may read or write the person's secrets."""
    try:
        import keyring.core
        from keyring.backends import null
    except ImportError:  # no keyring package: nothing to keep away from
        yield
        return
    before = getattr(keyring.core, "_keyring_backend", None)  # None: not chosen yet; chosen again after, as before
    keyring.core.set_keyring(null.Keyring())
    try:
        yield
    finally:
        keyring.core._keyring_backend = before


class SelfTest:
    """The steps, run in order inside the throwaway folder; after the first failure the rest are skipped."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.results: list[StepResult] = []
        self.crash: BaseException | None = None  # an unforeseen failure, for the crash log once the run is over
        self.device = ""
        self.services = None
        self.design = None
        self.draft = None
        self.address = ""
        self.steps: list[tuple[str, Msg, Callable[[], Message]]] = [
            ("demo_model", WHAT_DEMO, self._demo_model),
            ("generate", WHAT_GENERATE, self._generate),
            ("library", WHAT_LIBRARY, self._library),
            ("token", WHAT_TOKEN, self._token),
            ("sandbox", WHAT_SANDBOX, self._sandbox),
            ("mint", WHAT_MINT, self._mint),
        ]
        self.titles = {name: str(what()) for name, what, _ in self.steps}

    def run_all(self) -> None:
        try:
            for name, what, step in self.steps:
                if self.results and not self.results[-1].ok:
                    self._skip(name, what)
                else:
                    self._run(name, what, step)
        finally:
            if self.services is not None:
                self.services.close()

    def _run(self, name: str, what: Msg, step: Callable[[], Message]) -> None:
        started = time.monotonic()
        try:
            done = step()
        except Exception as exc:  # noqa: BLE001 - every failure is one plain line; KeyboardInterrupt goes on up
            seconds = time.monotonic() - started
            reason = self._reason(exc)
            self.results.append(StepResult(name, False, round(seconds, 2), reason))
            self.say(str(LINE_FAILED(what=what(), reason=reason, seconds=seconds)))
            return
        seconds = time.monotonic() - started
        self.results.append(StepResult(name, True, round(seconds, 2), str(done)))
        self.say(str(LINE_OK(what=done, seconds=seconds)))

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, StepFailed):
            return str(exc.reason)
        if isinstance(exc, UserFacingError):
            if exc.details:
                log.warning("self-test step failed: %s", exc.details)
            return exc.message
        if isinstance(exc, FutureTimeout):
            return str(TOOK_TOO_LONG(seconds=STEP_TIMEOUT_S))
        log.error("self-test step failed unexpectedly", exc_info=exc)
        self.crash = exc
        return str(UNEXPECTED())

    def _skip(self, name: str, what: Msg) -> None:
        self.results.append(StepResult(name, False, 0.0, str(SKIPPED())))
        self.say(str(LINE_SKIPPED(what=what())))

    # --- the steps ---

    def _demo_model(self) -> Message:
        from app.generation.demo_model import install_demo_model

        install_demo_model()
        return DONE_DEMO()

    def _generate(self) -> Message:
        from app.config import Settings
        from app.generation import events as ev
        from app.generation.request import GenerationRequest
        from app.services import open_services

        # Settings as a fresh install has them (the sandbox network, the best device), not read from any file.
        self.services = open_services(settings=Settings())
        backend = self.services.backend
        model = backend.model_for("")
        done = threading.Event()
        outcome: dict[str, Any] = {}

        def on_event(event) -> None:
            if isinstance(event, ev.ModelLoaded):
                self.device = event.device_label
            elif isinstance(event, (ev.JobFinished, ev.JobFailed, ev.JobCancelled)):
                outcome["event"] = event
                done.set()

        request = GenerationRequest(
            prompt=PROMPT, seed=SEED, steps=STEPS, width=SIZE, height=SIZE, model_id=model.id, preset="studio"
        )
        backend.subscribe(on_event)
        try:
            job = backend.submit(request)
            try:
                finished = done.wait(STEP_TIMEOUT_S)
            except KeyboardInterrupt:
                backend.cancel(job.id)
                raise
            if not finished:
                backend.cancel(job.id)
                raise FutureTimeout
        finally:
            backend.unsubscribe(on_event)
        event = outcome["event"]
        if isinstance(event, ev.JobFailed):
            if event.details:
                log.warning("self-test generation failed: %s", event.details)
            raise StepFailed(event.msg)
        if not isinstance(event, ev.JobFinished) or not event.designs:
            raise StepFailed(NO_DESIGN())
        self.design = event.designs[0]
        return DONE_GENERATE(device=self.device or "CPU", steps=STEPS, width=SIZE, height=SIZE)

    def _library(self) -> Message:
        import hashlib

        from app.generation.pngmeta import read_png_metadata

        saved = self.services.library.get(self.design.id)
        if saved is None:
            raise StepFailed(NOT_IN_LIBRARY())
        path = Path(saved.image_path)
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != saved.image_sha256:
            raise StepFailed(PICTURE_CHANGED())
        try:
            meta = read_png_metadata(path)
        except ValueError:
            raise StepFailed(NO_PROVENANCE()) from None
        request = meta.get("request") or {}
        if not meta.get("parameters") or request.get("seed") != saved.seed or not saved.model_hash:
            raise StepFailed(NO_PROVENANCE())
        self.design = saved
        return DONE_LIBRARY()

    def _token(self) -> Message:
        from app.description.offline import OfflineDrafter
        from app.token.assemble import assemble_token

        # The offline templates stand in for OpenAI: a self-test must need no key and no network.
        language = i18n.language()
        library = self.services.library
        library.save_description(self.design.id, language, OfflineDrafter().draft(self.design, language).text)
        draft = assemble_token(library, self.design, language=language)
        if draft.problems:
            raise StepFailed(as_message(draft.problems[0]))
        self.draft = draft
        return DONE_TOKEN()

    def _sandbox(self) -> Message:
        chain = self.services.chain
        password = secrets.token_urlsafe(24)  # never kept: the wallet lives only as long as the folder
        account = chain.create_account(ACCOUNT_NAME, password).result(STEP_TIMEOUT_S)
        self.address = account.address
        chain.unlock(self.address, password).result(STEP_TIMEOUT_S)
        chain.faucet(self.address).result(STEP_TIMEOUT_S)
        if chain.overview(self.address).result(STEP_TIMEOUT_S).balance <= 0:
            raise StepFailed(NOT_FUNDED())
        return DONE_SANDBOX()

    def _mint(self) -> Message:
        from eth_utils import to_checksum_address

        chain = self.services.chain
        quote = chain.quote_mint(self.draft, self.address).result(STEP_TIMEOUT_S)
        record = chain.confirm(quote).result(STEP_TIMEOUT_S)
        if record.state != "minted" or record.token_id is None:
            raise StepFailed(NOT_MINTED(state=record.state, reason=record.reason))
        token = record.token_id

        def owner_and_uri(client, _outbox, _signer) -> tuple[str, str]:
            functions = client.contract.functions
            return client.call(lambda: (functions.ownerOf(token).call(), functions.tokenURI(token).call()))

        owner, uri = chain.run_on_chain(owner_and_uri).result(STEP_TIMEOUT_S)
        if to_checksum_address(owner) != to_checksum_address(self.address) or uri != self.draft.token_uri:
            raise StepFailed(WRONG_OWNER(token=token))
        return DONE_MINT(token=token)
