"""State of the Describe workspace. Drafting runs as an asyncio task on the Qt loop (qasync).

Where a draft goes: into the editor while the editor holds nothing of the person's own (empty, or the last draft
unchanged); otherwise into the AI draft pane, so nothing typed is ever overwritten. Every edit is saved within a
second (the autosave fires one second after the first unsaved keystroke, not after typing stops).
"""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QTimer, Signal

from app.description.models import Language
from app.description.sanitize import safe_text
from app.errors import UserFacingError
from ui.bind import ViewModel, observable
from ui.widgets.dates import time_text
from ui.widgets.error_banner import plain_words

AUTOSAVE_MS = 1000
LANGUAGES: tuple[Language, ...] = ("ko", "en")
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}


class DescribeViewModel(ViewModel):
    design = observable(None)
    language = observable("ko")  # the editor shown
    draft_both = observable(False)  # draft Korean and English in one go, not only the language shown
    streaming = observable(False)
    error = observable(None)  # (message, details, severity) or None
    saved_text = observable("")
    char_limit = observable(1000)
    needs_key = observable(False)  # the last draft fell back to offline for want of a key: the view offers to add one

    sig_text_loaded = Signal(str, str)  # language, text of a design just opened: its editor starts a fresh history
    sig_text_replaced = Signal(str, str)  # language, text: the view replaces its editor's text (undo kept)
    sig_delta = Signal(str, str)  # language, piece of streamed text: the view appends it
    sig_ai_changed = Signal(str)  # language whose AI draft or draft info changed

    def __init__(self, service, parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.texts: dict[str, str] = {lang: "" for lang in LANGUAGES}
        self.ai: dict[str, str] = {lang: "" for lang in LANGUAGES}
        self.ai_ids: dict[str, str | None] = {lang: None for lang in LANGUAGES}
        self.info: dict[str, str] = {lang: "" for lang in LANGUAGES}
        self.offline: dict[str, bool] = {lang: False for lang in LANGUAGES}
        self.task: asyncio.Task | None = None
        self._dirty: set[str] = set()
        self._opened = 0  # counts set_design calls: a draft still finishing belongs to the design it started on
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)

    # ----- design -----
    def set_design(self, design) -> None:
        """Show a design's description, exactly as it was last saved."""
        self.stop_draft()
        self.flush()
        self._opened += 1
        self.design = design
        self.error = None
        self.saved_text = ""
        library = self.service.library
        for lang in LANGUAGES:
            saved = library.description(design.id, lang) if design else None
            draft = library.latest_draft(design.id, lang) if design else None
            self.ai[lang] = draft.text if draft else ""
            self.ai_ids[lang] = draft.id if draft else None
            self.offline[lang] = bool(draft and draft.source == "offline")
            self.info[lang] = _draft_info(draft) if draft else ""
            self.texts[lang] = saved.text if saved else ""
            # Not an undoable replace: one Undo would bring back the previous design's text, and autosave would
            # store it in this one (a visitor's words in another visitor's design).
            self.sig_text_loaded.emit(lang, self.texts[lang])
            self.sig_ai_changed.emit(lang)

    # ----- editing -----
    def user_edited(self, language: str, text: str) -> None:
        if text == self.texts[language]:
            return
        self.texts[language] = text
        self._dirty.add(language)
        if not self._autosave.isActive():  # a deadline, not a debounce: continuous typing still saves each second
            self._autosave.start()

    def flush(self) -> None:
        """Write unsaved edits now (also on switching designs and on quit)."""
        self._autosave.stop()
        if self.design is None or not self._dirty:
            return
        try:
            for lang in sorted(self._dirty):
                # What is stored is plain, JSON-safe text (control characters and bidi overrides dropped).
                text = safe_text(self.texts[lang])
                self.service.library.save_description(self.design.id, lang, text, self.ai_ids[lang])
        except (UserFacingError, KeyError) as exc:
            gone = "This design is no longer in the library, so its text could not be saved. Copy it if you need it."
            self.error = (*plain_words(exc, gone), "error")
            return
        self._dirty.clear()
        self.saved_text = f"Saved · {time_text(time.time(), seconds=True)}"

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
            return "Stop"
        lang = self.language
        if self.ai[lang] and not self.offline[lang]:
            return "Draft again"
        return f"Draft with {self.server_name()}"

    def server_name(self) -> str:
        """ChatGPT for OpenAI; "AI" for another OpenAI-compatible server (LM Studio, Ollama, llama.cpp)."""
        return "ChatGPT" if self.service.server_needs_key() else "AI"

    def stop_draft(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _draft(self, languages: list[str], online: bool) -> None:
        opened = self._opened
        self.streaming = True
        self.error = None
        try:
            for lang in languages:
                if opened != self._opened:
                    break
                await self._draft_one(opened, lang, online)
        except asyncio.CancelledError:
            if opened == self._opened:
                self.error = ("Drafting stopped. The text so far is kept.", "", "info")
        finally:
            self.streaming = False
            if opened == self._opened:
                self.flush()

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
        self.info[lang] = "Drafting…"
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
        self.info[lang] = _draft_info(outcome.record)
        self.sig_ai_changed.emit(lang)
        if into_editor and self.texts[lang] != result.text:
            self._replace(lang, result.text)
        self.needs_key = outcome.needs_key
        if outcome.needs_key:  # said plainly: the button asked for ChatGPT and got templates
            self.error = (outcome.fallback_reason, "", "warning")
        elif outcome.fallback_reason:
            self.error = (f"Offline draft. {outcome.fallback_reason}", "", "info")
        elif outcome.partial_error is not None:
            error = outcome.partial_error
            self.error = (f"{error.message} The text that arrived is kept.", error.details, "warning")
        elif not into_editor:
            self.error = ("Your edits are kept. The new draft is beside them: Use draft replaces them.", "", "info")
        self._dirty.add(lang)

    def _replace(self, lang: str, text: str) -> None:
        self.texts[lang] = text
        self._dirty.add(lang)
        self.sig_text_replaced.emit(lang, text)
        if not self._autosave.isActive():
            self._autosave.start()


def _draft_info(record) -> str:
    when = time_text(record.created_at)
    if record.source == "offline":
        return f"Offline draft · {when}"
    suffix = {"length": " · cut at the length limit", "cancelled": " · stopped"}.get(record.finish_reason or "", "")
    if record.finish_reason not in (None, "", "stop", "length", "cancelled"):
        suffix = " · incomplete"
    return f"AI draft · {record.model} · {when}{suffix}"
