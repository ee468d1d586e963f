"""State of the Token workspace: which design, language and CID profile, the token assembled from them, where its
files are, whether and where it was minted, and what to tell the person.

Assembling a token reads the design's image and hashes it (CIDs), so it runs on the core's `disk` executor, never on
the UI thread. Requests are numbered and only the latest one's answer is shown: switching designs quickly never lets
an earlier design's token arrive late and replace the one asked for last. While a new design's token is on its way
`draft` is None and `loading` True, so the view shows a quiet loading state instead of another design's token.

The view never calls a service: everything it shows is here, and everything it does is a method here. The core's
change feed keeps it current without a refresh: a description saved in Describe, the design changed or deleted, the
token's files published, the token minted (from the Mint dialog, the command line or a session settled at start).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from app.changes import DescriptionSaved, DesignChanged, DesignDeleted, TokenMinted, TokenPublished, WalletChanged
from app.errors import UserFacingError
from app.token.assemble import TokenDraft, assemble_token, export_car
from app.token.cid import UNIXFS_V1_2025
from ui.bind import ViewModel, observable
from ui.i18n import translate
from ui.tasks import ChangeRelay, deliver, run_in_background
from ui.widgets.error_banner import plain_words

log = logging.getLogger(__name__)

LANGUAGES = ("ko", "en")  # the order a design's first described language is looked for
PICK_FIRST, PICK_IF_EMPTY = "first", "if_empty"  # how `_assemble` chooses the language (see there)
# `problem` and `notice` hold a core Message or a callable that says the sentence in the language in use, so a view
# that shows them again after a language change reads them in the new language.
IMAGE_UNREADABLE = QT_TRANSLATE_NOOP("TokenViewModel", "The design's image could not be read. Pick the design again.")
NOT_ASSEMBLED = QT_TRANSLATE_NOOP("TokenViewModel", "The token could not be prepared. Pick the design again.")
CAR_NOT_SAVED = QT_TRANSLATE_NOOP(
    "TokenViewModel", "The CAR file could not be saved. Choose another folder and try again."
)
CAR_SAVED = QT_TRANSLATE_NOOP("TokenViewModel", "Saved {name}: upload it to any pinning service that takes CAR files.")


class TokenViewModel(ViewModel):
    design = observable(None)
    language = observable("ko")
    profile = observable(UNIXFS_V1_2025)
    draft = observable(None)  # TokenDraft of (design, language, profile), or None while loading or after a failure
    loading = observable(False)  # a token is being assembled
    problem = observable(None)  # (message, details): the token could not be assembled
    notice = observable(None)  # (message, details, severity): what an action (export, verify) had to say
    mint = observable(None)  # (MintRecord, Network): the token shown is minted there

    publish_changed = Signal()  # where the token's files are changed: read `publish_status()`

    def __init__(
        self,
        library,
        *,
        feed=None,
        chain=None,
        network: Callable[[], Any] | None = None,
        publish_queue=None,
        verifier=None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._chain = chain
        self._network = network or (lambda: None)
        self.publish_queue = None
        self.verifier = verifier  # (metadata, image bytes) -> VerifyResult; Verify is offered when there is one
        self._request = 0  # numbers every assembly; an answer for an older number is dropped
        self._started = chain is None  # chain lookups wait until the window is up (start())
        self.relay = ChangeRelay(feed, self) if feed is not None else None
        if self.relay is not None:
            self.relay.changed.connect(self._on_change)
        if publish_queue is not None:
            self.set_publish_queue(publish_queue)

    # --- what is shown -------------------------------------------------------------------------------

    def set_design(self, design, language: str | None = None) -> None:
        """Show `design`'s token (None: nothing). Without `language`, the first language that has a description."""
        same = design is not None and self.design is not None and design.id == self.design.id
        self.design = design
        self.notice = None
        if not same:  # never another design's token, not even while this one's is on its way
            self.draft = None
            self.mint = None
            self.problem = None
        if language is not None:
            self.language = language
        if design is None:
            self._request += 1  # an assembly still on its way is for nobody now
            self.loading = False
            return
        # Another design: the first language described. The same one again: its language, unless that has no
        # description and the other one has (written since it was shown).
        self._assemble(pick_language=False if language is not None else (PICK_IF_EMPTY if same else PICK_FIRST))

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def set_profile(self, profile) -> None:
        self.profile = profile
        self.refresh()

    def refresh(self) -> None:
        """Assemble the token again from what is stored now."""
        if self.design is not None:
            self._assemble(pick_language=False)

    def when_ready(self, then: Callable[[TokenDraft | None], None]) -> None:
        """Call `then(draft)` once the token asked for last is assembled (now, if it is): None if it could not be."""
        if not self.loading:
            then(self.draft)
            return

        def settled(loading: bool) -> None:
            if loading:
                return
            self.loading_changed.disconnect(settled)
            then(self.draft)

        self.loading_changed.connect(settled)

    def start(self) -> None:
        """The window is up: from now on look up whether the token shown was minted (it reads the chain's outbox)."""
        self._started = True
        if self.draft is not None:
            self._look_up_mint(self.draft)

    # --- assembling, off the UI thread -----------------------------------------------------------------

    def _assemble(self, pick_language: str | bool) -> None:
        """`pick_language`: False keeps the language shown; PICK_FIRST takes the first one described (else Korean);
        PICK_IF_EMPTY takes the first one described only when the language shown has no description."""
        self._request += 1
        request, design, language, profile = self._request, self.design, self.language, self.profile
        library = self._library
        self.loading = True

        def work() -> tuple[str, TokenDraft]:
            chosen = language
            if pick_language == PICK_FIRST or (
                pick_language == PICK_IF_EMPTY and not _has_description(library, design.id, language)
            ):
                described = [lang for lang in LANGUAGES if _has_description(library, design.id, lang)]
                chosen = described[0] if described else (LANGUAGES[0] if pick_language == PICK_FIRST else language)
            return chosen, assemble_token(library, design, language=chosen, profile=profile)

        run_in_background(
            work,
            lambda result: self._on_assembled(request, result),
            lambda error: self._on_failed(request, error),
            self,
            executor="disk",
        )

    def _on_assembled(self, request: int, result: tuple[str, TokenDraft]) -> None:
        if request != self._request:  # a later request is on its way: its answer is the one to show
            return
        language, draft = result
        self.language = language
        self.problem = None
        if self.draft is None or self.draft.image_bytes != draft.image_bytes:
            self.mint = None  # another picture is another token; the lookup below says if it is minted
        self.draft = draft
        self.loading = False
        self.publish_changed.emit()
        self._look_up_mint(draft)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        design_id = self.design.id if self.design is not None else "?"
        log.warning("could not assemble the token of %s: %s", design_id, error)
        self.draft = None
        self.mint = None
        if isinstance(error, (OSError, ValueError)):
            self.problem = (lambda: translate("TokenViewModel", IMAGE_UNREADABLE), str(error))
        else:
            self.problem = said(error, lambda: translate("TokenViewModel", NOT_ASSEMBLED))
        self.loading = False

    # --- minted? ---------------------------------------------------------------------------------------

    def _look_up_mint(self, draft: TokenDraft) -> None:
        if self._chain is None or not self._started:
            return
        network = self._network()
        if network is None:
            return

        def show(record) -> None:
            if record is not None and self.draft is draft:
                self.mint = (record, network)

        deliver(self._chain.minted(draft.image_bytes), show, lambda _e: None, self)

    def show_mint(self, record, network) -> None:
        """`record` is the mint of the token shown, on `network`."""
        if self.draft is not None and record is not None:
            self.mint = (record, network)

    # --- publishing ------------------------------------------------------------------------------------

    def set_publish_queue(self, queue) -> None:
        self.publish_queue = queue
        queue.sig_changed.connect(self.publish_changed)
        self.publish_changed.emit()

    def publish_status(self) -> dict | None:
        """What the publish card shows for the token on screen, or None when there is nothing to show."""
        queue, draft = self.publish_queue, self.draft
        if queue is None or draft is None:
            return None
        return {
            "job": queue.job(draft.metadata_cid),
            "busy": queue.busy,
            "setup_problem": queue.setup_problem,
            "can_publish": draft.ready,
            "error": queue.error,
        }

    def publish(self) -> None:
        if self.publish_queue is not None and self.draft is not None and self.draft.ready:
            self.publish_queue.publish(self.draft)

    def retry_publish(self) -> None:
        if self.publish_queue is not None and self.draft is not None:
            self.publish_queue.retry(self.draft.metadata_cid)

    # --- exporting -------------------------------------------------------------------------------------

    def export_car_to(self, path: Path | str) -> Path:
        """Write the token shown as a CAR file at `path` (here, on the calling thread)."""
        if self.draft is None:
            raise RuntimeError("no token to export")  # i18n: not shown (a programming error)
        return export_car(self.draft, Path(path))

    def export_car(self, path: Path | str) -> None:
        """Save the CAR file off the UI thread; `notice` says where it went or why it did not."""
        draft = self.draft
        if draft is None:
            return

        def saved(where: Path) -> None:
            self.notice = (lambda: translate("TokenViewModel", CAR_SAVED).format(name=where.name), "", "info")

        def failed(error: BaseException) -> None:
            details = str(error) if isinstance(error, OSError) else plain_words(error)[1]
            self.notice = (lambda: translate("TokenViewModel", CAR_NOT_SAVED), details, "error")

        run_in_background(lambda: export_car(draft, Path(path)), saved, failed, self, executor="disk")

    # --- the change feed -------------------------------------------------------------------------------

    def _on_change(self, change) -> None:
        design, draft = self.design, self.draft
        if isinstance(change, DescriptionSaved):
            if design is None or change.design_id != design.id:
                return
            if change.language == self.language:
                self.refresh()
            elif draft is None or not draft.description.strip():
                # Shown (or on its way) in a language with no description, and one was just written in the other:
                # that one is shown, as on opening the design now, rather than "The description is empty".
                self._assemble(pick_language=PICK_IF_EMPTY)
        elif isinstance(change, DesignChanged):
            if design is not None and getattr(change.design, "id", None) == design.id:
                self.design = change.design
                self.refresh()
        elif isinstance(change, DesignDeleted):
            if design is not None and change.design_id == design.id:
                self.set_design(None)
        elif isinstance(change, TokenPublished):
            if draft is not None and change.metadata_cid == draft.metadata_cid:
                self.publish_changed.emit()
        elif isinstance(change, TokenMinted):
            self._on_minted(change.record)
        elif isinstance(change, WalletChanged) and change.what == "activity" and draft is not None:
            self._look_up_mint(draft)  # e.g. an earlier session's mint settled: ask the outbox again

    def _on_minted(self, record) -> None:
        draft = self.draft
        if draft is None or getattr(record, "state", "minted") != "minted":
            return
        if getattr(record, "token_uri", None) != draft.token_uri:
            return
        network = self._network()
        if network is None or getattr(record, "chain_id", network.chain_id) != network.chain_id:
            return  # minted on another network than the one the person looks at (or none is known to show it on)
        self.mint = (record, network)


def said(error: BaseException, fallback: Callable[[], str]) -> tuple[Any, str]:
    """(message, details) for `error`, kept so that it can be said again in another language: a UserFacingError's own
    Message, else `fallback` (a callable), with the exception only behind "Show details"."""
    return (error.msg if isinstance(error, UserFacingError) else fallback), plain_words(error)[1]


def _has_description(library, design_id: str, language: str) -> bool:
    record = library.description(design_id, language)
    return bool(record and record.text.strip())
