"""State of the Describe workspace. Drafting runs as an asyncio task on the Qt loop (qasync).

Where a draft goes: into the editor while the editor holds nothing of the person's own (empty, or the last draft
unchanged); otherwise into the AI draft pane, so nothing typed is ever overwritten. Every edit is saved within a
second (the autosave fires one second after the first unsaved keystroke, not after typing stops).

Nothing here touches the store on the UI thread: a design's texts are read, and edits written, on the `disk` executor
through one `Serial`, so reads and writes happen in the order asked (a design opened again reads what was just saved
into it) and the last edit is always the last write. While a design's texts are on their way `loading` is True and
the editors hold nothing. `flush()` waits for the writes (leaving for the token, quitting); typing never does.

It hears the core's change feed (app/changes.py): a description of the shown design saved elsewhere replaces the
editor's text unless the person has unsaved edits there; the shown design removed from the library closes; a change
of the describe settings (the character limit) applies at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from app.changes import DescriptionSaved, DesignChanged, DesignDeleted, SettingsChanged
from app.description.models import Language
from app.description.sanitize import safe_text
from app.errors import UserFacingError
from app.executors import Serial
from ui.bind import ViewModel, observable
from ui.i18n import translate
from ui.tasks import ChangeRelay, deliver
from ui.widgets.dates import time_text
from ui.widgets.error_banner import plain_words

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
PICTURE_SIDE = 320  # the side Describe shows the design at
FLUSH_WAIT_S = 10.0  # how long leaving for the token (or quitting) waits for the last edits to be written
NOT_READ = QT_TRANSLATE_NOOP("DescribeViewModel", "This design's text could not be read. Pick the design again.")
NOT_SAVED = QT_TRANSLATE_NOOP(
    "DescribeViewModel",
    "This design is no longer in the library, so its text could not be saved. Copy it if you need it.",
)
LANGUAGES: tuple[Language, ...] = ("ko", "en")


def language_name(lang: str) -> str:
    """A description's language, named in the language the window is shown in."""
    return translate("DescribeViewModel", "Korean") if lang == "ko" else translate("DescribeViewModel", "English")


class DescribeViewModel(ViewModel):
    design = observable(None)
    language = observable("ko")  # the editor shown
    draft_both = observable(False)  # draft Korean and English in one go, not only the language shown
    streaming = observable(False)
    error = observable(None)  # (message, details, severity) or None
    saved_text = observable("")
    char_limit = observable(1000)
    needs_key = observable(False)  # the last draft fell back to offline for want of a key: the view offers to add one
    loading = observable(False)  # the design's saved texts and drafts are on their way from the store
    picture = observable(None)  # QImage of the design, decoded and scaled to PICTURE_SIDE off the UI thread, or None

    sig_text_loaded = Signal(str, str)  # language, text of a design just opened: its editor starts a fresh history
    sig_text_replaced = Signal(str, str)  # language, text: the view replaces its editor's text (undo kept)
    sig_delta = Signal(str, str)  # language, piece of streamed text: the view appends it
    sig_ai_changed = Signal(str)  # language whose AI draft or draft info changed

    def __init__(self, service, parent=None, *, changes=None) -> None:
        super().__init__(parent)
        self.service = service
        self.texts: dict[str, str] = {lang: "" for lang in LANGUAGES}
        self.ai: dict[str, str] = {lang: "" for lang in LANGUAGES}
        self.ai_ids: dict[str, str | None] = {lang: None for lang in LANGUAGES}
        self.info: dict[str, str] = {lang: "" for lang in LANGUAGES}  # said from `_info_of` (retranslate: again)
        self._info_of: dict[str, object] = {lang: None for lang in LANGUAGES}  # a DraftRecord, DRAFTING or None
        self._saved_at: float | None = None
        self._error_words: Callable[[], tuple] | None = None  # makes `error` again, while it is the one it made
        self._said_error = None
        self.closed = False
        self.offline: dict[str, bool] = {lang: False for lang in LANGUAGES}
        self.task: asyncio.Task | None = None
        self._dirty: set[str] = set()
        self._opened = 0  # counts set_design calls: a draft still finishing belongs to the design it started on
        self._io = Serial("disk")  # every read and write of texts, in the order asked
        self._last_write: Future | None = None
        self._writes = 0  # counts writes handed to `_io`
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_soon)  # typing never waits for the disk
        feed = changes if changes is not None else getattr(service.library, "changes", None)
        self.relay = ChangeRelay(feed, self) if feed is not None else None
        if self.relay is not None:
            self.relay.changed.connect(self._on_change)

    # ----- words -----
    def _say_error(self, words: Callable[[], tuple]) -> None:
        self._error_words = words
        self.error = self._said_error = words()

    def _say_info(self, lang: str, source) -> None:
        self._info_of[lang] = source
        self.info[lang] = (
            ""
            if source is None
            else translate("DescribeViewModel", "Drafting…")
            if source is DRAFTING
            else _draft_info(source)
        )

    def _say_saved(self) -> None:
        self.saved_text = (
            ""
            if self._saved_at is None
            else translate("DescribeViewModel", "Saved · {time}").format(time=time_text(self._saved_at, seconds=True))
        )

    def retranslate(self) -> None:
        """The language changed (the view hears it): say the draft info, "Saved" and an error this made again."""
        for lang in LANGUAGES:
            self._say_info(lang, self._info_of[lang])
            self.sig_ai_changed.emit(lang)
        self._say_saved()
        if self._error_words is not None and self.error is not None and self.error == self._said_error:
            self.error = self._said_error = self._error_words()

    # ----- design -----
    def set_design(self, design) -> None:
        """Show a design's description, exactly as it was last saved."""
        self.stop_draft()
        self.save_soon()  # the last design's edits go first: the reads below queue behind them
        self._opened += 1
        self.design = design
        self.error = None
        self._saved_at = None
        self._say_saved()
        self._show_texts({lang: (None, None) for lang in LANGUAGES})  # never the last design's text, not even briefly
        self.picture = None
        if design is None:
            self.loading = False
            return
        opened, library, design_id, path = self._opened, self.service.library, design.id, design.image_path
        self.loading = True

        def read() -> tuple[dict, QImage]:
            texts = {}
            for lang in LANGUAGES:
                texts[lang] = library.description(design_id, lang), library.latest_draft(design_id, lang)
            return texts, _picture(path)

        def arrived(answer: tuple[dict, QImage]) -> None:
            if opened == self._opened:
                texts, picture = answer
                self.loading = False
                self.picture = None if picture.isNull() else picture
                self._show_texts(texts)

        def failed(exc: BaseException) -> None:
            if opened == self._opened:
                self.loading = False
                self._say_error(_failure_words(exc, NOT_READ))

        deliver(self._io.submit(read), arrived, failed, self)

    def _show_texts(self, texts: dict) -> None:
        for lang in LANGUAGES:
            saved, draft = texts[lang]
            self.ai[lang] = draft.text if draft else ""
            self.ai_ids[lang] = draft.id if draft else None
            self.offline[lang] = bool(draft and draft.source == "offline")
            self._say_info(lang, draft)
            self.texts[lang] = saved.text if saved else ""
            # Not an undoable replace: one Undo would bring back the previous design's text, and autosave would
            # store it in this one (a visitor's words in another visitor's design).
            self.sig_text_loaded.emit(lang, self.texts[lang])
            self.sig_ai_changed.emit(lang)

    # ----- news from elsewhere -----
    def _on_change(self, change) -> None:
        design = self.design
        if isinstance(change, SettingsChanged):
            if "describe" in change.sections and change.settings is not None:
                self.char_limit = change.settings.describe.char_limit
        elif design is None:
            return
        elif isinstance(change, DesignDeleted) and change.design_id == design.id:
            self._dirty.clear()  # nothing left to save it into
            self.set_design(None)
            removed = QT_TRANSLATE_NOOP(
                "DescribeViewModel", "That design was removed from the library. Pick another to describe."
            )
            self._say_error(lambda: (translate("DescribeViewModel", removed), "", "info"))
        elif isinstance(change, DesignChanged) and change.design.id == design.id:
            self.design = change.design
        elif isinstance(change, DescriptionSaved) and change.design_id == design.id:
            self._reload_saved(change.language)

    def _reload_saved(self, lang: str) -> None:
        """Show what was saved for `lang` elsewhere, unless the person has edits here not saved yet (theirs win)."""
        opened, library, design_id, writes = self._opened, self.service.library, self.design.id, self._writes

        def show(saved) -> None:
            if opened != self._opened or lang in self._dirty or self.streaming or saved is None:
                return
            if writes != self._writes:  # edits of ours went out since: what was read is older than the screen
                return
            # Our own save echoes back equal to what is on screen, as stored (trailing spaces dropped): nothing to do.
            # Putting the stored form back would take the space just typed, and glue the next word to the last.
            if saved.text != self.texts[lang] and saved.text != safe_text(self.texts[lang]):
                self.texts[lang] = saved.text
                self.sig_text_replaced.emit(lang, saved.text)

        deliver(self._io.submit(library.description, design_id, lang), show, lambda _exc: None, self)

    # ----- editing -----
    def user_edited(self, language: str, text: str) -> None:
        if text == self.texts[language] or self.loading:  # the view keeps its editors read-only while loading
            return
        self.texts[language] = text
        self._dirty.add(language)
        if not self._autosave.isActive():  # a deadline, not a debounce: continuous typing still saves each second
            self._autosave.start()

    def flush(self, wait: bool = True) -> None:
        """Write unsaved edits, and with `wait` return once every edit asked so far is written (leaving for the
        token, which must carry what is on screen; quitting). The writes themselves run on the `disk` executor."""
        self.save_soon()
        if wait and self._last_write is not None:
            try:
                self._last_write.result(timeout=FLUSH_WAIT_S)
            except Exception:  # noqa: BLE001 - said to the person when its answer arrives
                log.warning("the last edits were not written in time", exc_info=True)

    def close(self) -> None:
        """The window is closing: stop drafting, write the last edits and wait for them; answers still on their way
        (a design's texts) are for nobody now."""
        self.stop_draft()
        self.flush()
        self._opened += 1
        self.closed = True  # the services behind it go next: nothing asks them again (a late language change)

    def save_soon(self) -> None:
        """Hand unsaved edits to the writer now, without waiting for them (autosave, switching designs)."""
        self._autosave.stop()
        if self.design is None or not self._dirty:
            return
        opened, design_id, library = self._opened, self.design.id, self.service.library
        # What is stored is plain, JSON-safe text (control characters and bidi overrides dropped).
        edits = [(lang, safe_text(self.texts[lang]), self.ai_ids[lang]) for lang in sorted(self._dirty)]
        self._dirty.clear()  # an edit made from now on is dirty again and written after these

        def write() -> None:
            for lang, text, draft_id in edits:
                library.save_description(design_id, lang, text, draft_id)

        self._writes += 1
        future = self._last_write = self._io.submit(write)
        deliver(future, lambda _none: self._saved(opened), lambda exc: self._not_saved(opened, edits, exc), self)

    def _saved(self, opened: int) -> None:
        if opened == self._opened:
            self._saved_at = time.time()
            self._say_saved()

    def _not_saved(self, opened: int, edits: list, exc: BaseException) -> None:
        if opened != self._opened:
            log.warning("edits of an earlier design were not saved", exc_info=exc)
            return
        self._dirty.update(lang for lang, _text, _draft in edits)  # tried again with the next save
        if not isinstance(exc, (UserFacingError, KeyError)):
            log.error("saving a description failed", exc_info=exc)
        self._say_error(_failure_words(exc, NOT_SAVED))

    def revert_to_draft(self) -> None:
        lang = self.language
        if self.ai[lang]:
            self._replace(lang, self.ai[lang])

    def use_draft(self) -> None:
        self.revert_to_draft()

    def is_edited(self, language: str) -> bool:
        text = self.texts[language]
        return bool(text.strip()) and text != self.ai[language]

    # ----- drafting -----
    def start_draft(self, online: bool = True) -> asyncio.Task | None:
        if self.design is None or self.streaming:
            return None
        languages = list(LANGUAGES) if self.draft_both else [self.language]
        self.task = asyncio.get_event_loop().create_task(self._draft(languages, online))
        return self.task

    def draft_label(self) -> str:
        """The draft button's words: who drafts, and "again" only when that one already drafted this language."""
        if self.streaming:
            return translate("DescribeViewModel", "Stop")
        lang = self.language
        if self.ai[lang] and not self.offline[lang]:
            return translate("DescribeViewModel", "Draft again")
        if self.service.server_needs_key():
            return translate("DescribeViewModel", "Draft with ChatGPT")
        return translate("DescribeViewModel", "Draft with AI")

    def server_name(self) -> str:
        """ChatGPT for OpenAI; "AI" for another OpenAI-compatible server (LM Studio, Ollama, llama.cpp)."""
        return "ChatGPT" if self.service.server_needs_key() else translate("DescribeViewModel", "AI")

    def stop_draft(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _draft(self, languages: list[str], online: bool) -> None:
        opened = self._opened
        self.streaming = True
        self.error = None
        try:
            await self._until_loaded()  # asked for the moment a design opened: its texts decide where the draft goes
            for lang in languages:
                if opened != self._opened:
                    break
                await self._draft_one(opened, lang, online)
        except asyncio.CancelledError:
            if opened == self._opened:
                self._say_error(
                    lambda: (translate("DescribeViewModel", "Drafting stopped. The text so far is kept."), "", "info")
                )
        finally:
            self.streaming = False
            if opened == self._opened:
                self.save_soon()

    async def _until_loaded(self) -> None:
        if not self.loading:
            return
        loaded = asyncio.get_event_loop().create_future()

        def on_loading(loading: bool) -> None:
            if not loading and not loaded.done():
                loaded.set_result(None)

        self.loading_changed.connect(on_loading)
        try:
            await loaded
        finally:
            self.loading_changed.disconnect(on_loading)

    async def _draft_one(self, opened: int, lang: str, online: bool) -> None:
        # Cancelling on a switch lands only at the stream's next await, and a stream hands over its held-back tail
        # as it stops: from then on its text is the earlier design's alone (the service stores it with that draft).
        def current() -> bool:
            return opened == self._opened

        design = self.design
        self.language = lang
        into_editor = not self.is_edited(lang)
        streamed: list[str] = []
        if into_editor:
            self._replace(lang, "")
        self.ai[lang] = ""
        self._say_info(lang, DRAFTING)
        self.sig_ai_changed.emit(lang)

        def on_delta(delta: str) -> None:
            if not current():
                return
            streamed.append(delta)
            self.ai[lang] += delta
            if into_editor:
                self.texts[lang] += delta
                self._dirty.add(lang)
                self.sig_delta.emit(lang, delta)
            self.sig_ai_changed.emit(lang)

        outcome = await self.service.draft(design, lang, on_delta, online)
        if not current():
            return
        result = outcome.result
        self.ai[lang], self.ai_ids[lang] = result.text, outcome.record.id
        self.offline[lang] = result.source == "offline"
        self._say_info(lang, outcome.record)
        self.sig_ai_changed.emit(lang)
        if into_editor and self.texts[lang] != result.text:
            self._replace(lang, result.text)
        self.needs_key = outcome.needs_key
        reason = outcome.fallback_reason  # the core's sentence, in the language shown when it was made
        if outcome.needs_key:  # said plainly: the button asked for ChatGPT and got templates
            self.error = (reason, "", "warning")
        elif reason:
            self._say_error(
                lambda: (translate("DescribeViewModel", "Offline draft. {reason}").format(reason=reason), "", "info")
            )
        elif outcome.partial_error is not None:
            msg, details = outcome.partial_error.msg, outcome.partial_error.details
            self._say_error(lambda: (_kept(msg.render()), details, "warning"))
        elif not into_editor:
            edits_kept = QT_TRANSLATE_NOOP(
                "DescribeViewModel",
                "Your edits are kept. The new draft is beside them: Revert to AI draft replaces them.",
            )
            self._say_error(lambda: (translate("DescribeViewModel", edits_kept), "", "info"))
        self._dirty.add(lang)

    def _replace(self, lang: str, text: str) -> None:
        self.texts[lang] = text
        self._dirty.add(lang)
        self.sig_text_replaced.emit(lang, text)
        if not self._autosave.isActive():
            self._autosave.start()


def _draft_info(record) -> str:
    """Where a draft came from and when, in the language shown."""
    when = time_text(record.created_at)
    if record.source == "offline":
        return translate("DescribeViewModel", "Offline draft · {time}").format(time=when)
    reason = record.finish_reason or ""
    if reason == "length":
        words = translate("DescribeViewModel", "AI draft · {model} · {time} · cut at the length limit")
    elif reason == "cancelled":
        words = translate("DescribeViewModel", "AI draft · {model} · {time} · stopped")
    elif reason not in ("", "stop"):
        words = translate("DescribeViewModel", "AI draft · {model} · {time} · incomplete")
    else:
        words = translate("DescribeViewModel", "AI draft · {model} · {time}")
    return words.format(model=record.model, time=when)


def _failure_words(exc: BaseException, fallback: str) -> Callable[[], tuple]:
    """What `exc` says to a person (its own words when written for them, else `fallback`, a source text here), as
    words that can be said again in another language; the exception itself only behind "Show details"."""
    said = exc.msg if isinstance(exc, UserFacingError) else None
    details = plain_words(exc)[1]
    return lambda: (said.render() if said is not None else translate("DescribeViewModel", fallback), details, "error")


def _kept(message: str) -> str:
    return translate("DescribeViewModel", "{message} The text that arrived is kept.").format(message=message)


DRAFTING = object()  # the draft info while a draft streams in


def _picture(path: str) -> QImage:
    """The design's picture at the size Describe shows it; null when unreadable. Runs on the `disk` executor."""
    image = QImage(path)
    if image.isNull():
        return image
    mode, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    return image.scaled(PICTURE_SIDE, PICTURE_SIDE, mode, smooth)
