"""State of the Curation workspace, independent of its widgets: the store (opened off the UI thread: a shared
PostgreSQL server may be slow or down), who is judging, the rounds, the filter, and the scores on their way to the
store.

Scores are shown at once (optimistically) and written on a worker one at a time, in the order given; a write that
fails is rolled back on screen from what the store holds, with a banner. Until every write has answered, the
workspace says "Saving…" (`pending`), so a judge never loses a score without being told.

    vm = CurationViewModel(lambda: settings.curation, default_file, save_judge=controller_saves_the_name)
    vm.open()
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from app.curation.interface import CurationStore
from app.curation.judging_errors import ROUND_IS_CLOSED, ROUND_IS_LOCKED, RoundClosed, RoundLocked
from app.curation.models import ROUND_CLOSED, ROUND_LOCKED, SCORED, Criterion, EntryFilter, Judge, Round, Verdict
from app.curation.settings import CurationSettings
from app.curation.store import open_store
from app.errors import UserFacingError
from app.executors import Serial
from ui.bind import ViewModel, observable
from ui.i18n import translate
from ui.tasks import deliver
from ui.widgets.error_banner import plain_words

CONNECTING, FAILED, ASK_JUDGE, READY = "connecting", "failed", "ask_judge", "ready"
NOT_SAVED = QT_TRANSLATE_NOOP("CurationViewModel", "That score was not saved, so it was put back. Try again.")

Opener = Callable[[str, Path], CurationStore]


class CurationViewModel(ViewModel):
    phase = observable(CONNECTING)  # CONNECTING, FAILED (error says why), ASK_JUDGE, READY
    error = observable(None)  # (message, details) for the banner: a core Message or a callable, or None
    judge = observable(None)  # the Judge scoring on this machine
    judges = observable(())  # every judge in the store (the "Who is judging?" card lists them)
    rounds = observable(())
    current_round = observable(None)  # the Round judged, or None (every submission, nothing to score)
    filter = observable(EntryFilter())
    pending = observable(0)  # writes asked for and not answered yet ("Saving…" while above 0)

    sig_verdict = Signal(int, object)  # entry, the judge's verdict as the screen should show it now (None: none)
    sig_saved = Signal()  # every write so far has been stored

    def __init__(
        self,
        settings: Callable[[], CurationSettings],
        default_file: Path,
        parent=None,
        *,
        save_judge: Callable[[str], None] | None = None,
        app_settings: Callable[[], Any] | None = None,
        opener: Opener = open_store,
        chain: Any = None,
        backend: Any = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._default_file = default_file
        self._save_judge = save_judge
        self._opener = opener
        self.store: CurationStore | None = None
        self._writes = Serial("disk")  # one write at a time, in the order the judge gave them
        self._closed = False
        self._opening = False  # a connection is being made (a second "Try again" waits for it)
        self._verdicts: dict[int, Verdict | None] = {}  # entry -> what the screen shows for this judge (this round)
        self._app_settings = app_settings  # the app's Settings now (what Import and Results read), or None
        self.chain = chain  # the wallet's ChainService: winners are paid from it (None: no payouts here)
        self.backend = backend  # the GenerationBackend: Verify regenerates short-listed entries on it (None: no Verify)

    # --- opening --------------------------------------------------------------------------------

    def open(self) -> None:
        """Open the store named in the settings (again, after a failure: "Try again")."""
        if self._closed or self._opening or self.store is not None:
            return
        self._opening = True
        self.phase, self.error = CONNECTING, None
        setting, default_file, opener = self._settings().database, self._default_file, self._opener
        name = self._settings().judge.strip()

        def work() -> tuple[CurationStore, list[Judge], list[Round], Judge | None]:
            store = opener(setting, default_file)
            try:
                me = store.add_judge(name) if name else None
                return store, store.judges(), store.rounds(), me
            except BaseException:
                store.close()
                raise

        deliver(self._writes.submit(work), self._on_opened, self._on_open_failed, self)

    def _on_opened(self, opened: tuple[CurationStore, list[Judge], list[Round], Judge | None]) -> None:
        self._opening = False
        store, judges, rounds, me = opened
        if self._closed:
            self._writes.submit(store.close)
            return
        self.store = store
        self.judges, self.rounds = tuple(judges), tuple(rounds)
        open_rounds = [r for r in rounds if r.state != ROUND_LOCKED] or list(rounds)
        if open_rounds:
            self.current_round = open_rounds[-1]
        if me is None:
            self.phase = ASK_JUDGE
        else:
            self.judge = me
            self._show_filter()
            self.phase = READY

    def _on_open_failed(self, exc: BaseException) -> None:
        self._opening = False
        self.error = self._said(exc)
        self.phase = FAILED

    # --- judge ------------------------------------------------------------------------------------

    def choose_judge(self, name: str) -> None:
        """This machine judges as `name` from now on (a judge already in the store, or a new one)."""
        store = self.store
        if store is None:
            return
        name = " ".join(name.split())
        self._run(lambda: store.add_judge(name), self._on_judge)

    def _on_judge(self, judge: Judge) -> None:
        self.judge, self.error = judge, None
        if self._save_judge is not None:
            self._save_judge(judge.name)
        self._show_filter()
        self.phase = READY

    # --- rounds and filter ------------------------------------------------------------------------

    def choose_round(self, round_id: int | None) -> None:
        found = next((r for r in self.rounds if r.id == round_id), None)
        if found != self.current_round:
            self.current_round = found
            self._verdicts.clear()
            self._show_filter()

    def create_round(self, name: str, criteria: tuple[Criterion, ...], blind: bool) -> None:
        store, judge = self.store, self.judge
        if store is None:
            return
        by = judge.id if judge else None

        def work() -> tuple[Round, list[Round]]:
            made = store.create_round(name, criteria=criteria, blind=blind, entries=None, by=by)
            return made, store.rounds()

        self._run(work, self._on_round_made)

    def _on_round_made(self, made: tuple[Round, list[Round]]) -> None:
        self.rounds = tuple(made[1])
        self.error = None
        self.choose_round(made[0].id)

    def reload_rounds(self) -> None:
        """Read the rounds again (another machine closed or locked one, or the Results page advanced entries)."""
        store = self.store
        if store is not None:
            self._run(store.rounds, self._on_rounds)

    def _on_rounds(self, rounds: list[Round]) -> None:
        self.rounds = tuple(rounds)
        if self.current_round is not None:
            now = next((r for r in rounds if r.id == self.current_round.id), None)
            if now != self.current_round:
                self.current_round = now

    def set_filter(self, **fields: Any) -> None:
        """Change some of the filter's fields (search, state, flags, min_score, ...); `mine_only` toggles "not judged
        by me"."""
        mine_only = fields.pop("mine_only", None)
        flt = replace(self.filter, **fields)
        if mine_only is not None:
            flt = replace(flt, not_judged_by=self.judge.id if mine_only and self.judge else None)
        if flt != self.filter:
            self.filter = flt

    def _show_filter(self) -> None:
        rnd = self.current_round
        judged_by = self.filter.not_judged_by
        self.filter = replace(
            self.filter,
            round_id=rnd.id if rnd else None,
            not_judged_by=(self.judge.id if self.judge else None) if judged_by is not None else None,
        )

    # --- scoring ----------------------------------------------------------------------------------

    def lock_words(self) -> Callable[[], str] | None:
        """Why the current round takes no scores, in the language in use; None when it takes them."""
        rnd = self.current_round
        if rnd is None:
            return lambda: translate("CurationViewModel", "Choose or create a round to score entries.")
        if rnd.state == ROUND_LOCKED:
            return lambda: ROUND_IS_LOCKED().render()
        if rnd.state == ROUND_CLOSED:
            return lambda: ROUND_IS_CLOSED().render()
        return None

    def remember(self, entry: int, verdict: Verdict | None) -> None:
        """What the screen shows for `entry` now (the viewer read it, or another judge's machine changed it)."""
        self._verdicts[entry] = verdict

    def score(self, entry: int, criterion: str, value: int) -> None:
        """A 1-5 score, or 0: the judge took the criterion's score back (Backspace)."""
        shown = self._verdicts.get(entry)
        scores = dict(shown.scores) if shown is not None else {}
        if value == 0:
            scores.pop(criterion, None)
            self._write(entry, lambda store, rnd, judge: store.clear_score(rnd, entry, judge, criterion))
            self._optimistic(entry, shown, scores=scores)
            return
        scores[criterion] = value
        self._write(entry, lambda store, rnd, judge: store.score(rnd, entry, judge, criterion, value))
        self._optimistic(entry, shown, scores=scores, kind=SCORED)

    def set_verdict(self, entry: int, kind: str) -> None:
        shown = self._verdicts.get(entry)
        self._write(entry, lambda store, rnd, judge: store.set_verdict(rnd, entry, judge, kind))
        self._optimistic(entry, shown, kind=kind)

    def comment(self, entry: int, text: str) -> None:
        shown = self._verdicts.get(entry)
        kind = shown.kind if shown is not None else SCORED
        self._write(entry, lambda store, rnd, judge: store.set_verdict(rnd, entry, judge, kind, text))
        self._optimistic(entry, shown, comment=text)

    def disqualify(self, entry: int, reason: str, note: str) -> None:
        store, judge = self.store, self.judge
        if store is None or judge is None:
            return
        self.pending += 1
        self._run(lambda: store.disqualify(entry, reason, note, by=judge.id), lambda _d: self._written(), self._fail)

    def _optimistic(self, entry: int, shown: Verdict | None, **changes: Any) -> None:
        """Shown at once (after the write is asked for, so `pending` already says "Saving…")."""
        rnd, judge = self.current_round, self.judge
        if rnd is None or judge is None:
            return
        base = shown or Verdict(rnd.id, entry, judge.id, SCORED)
        now = replace(base, **changes)
        self._verdicts[entry] = now
        self.sig_verdict.emit(entry, now)

    def _write(self, entry: int, write: Callable[[CurationStore, int, int], Verdict | None]) -> None:
        store, rnd, judge = self.store, self.current_round, self.judge
        if store is None or rnd is None or judge is None:
            return
        self.pending += 1
        round_id = rnd.id
        self._run(
            lambda: write(store, round_id, judge.id),
            lambda verdict: self._on_written(round_id, verdict),
            lambda exc: self._on_write_failed(round_id, entry, exc),
        )

    def _on_written(self, round_id: int, verdict: Verdict | None) -> None:
        if verdict is not None and self.current_round is not None and round_id == self.current_round.id:
            self._verdicts[verdict.entry] = verdict
        self._written()

    def _written(self) -> None:
        self.pending = max(0, self.pending - 1)
        if not self.pending:
            self.sig_saved.emit()

    def _on_write_failed(self, round_id: int, entry: int, exc: BaseException) -> None:
        self._fail(exc)
        if isinstance(exc, (RoundLocked, RoundClosed)):
            self.reload_rounds()
        if self.current_round is not None and round_id == self.current_round.id:
            self._reread(entry)

    def _fail(self, exc: BaseException) -> None:
        self.pending = max(0, self.pending - 1)
        message = exc.msg if isinstance(exc, UserFacingError) else (lambda: translate("CurationViewModel", NOT_SAVED))
        self.error = (message, plain_words(exc)[1])

    def _reread(self, entry: int) -> None:
        """Show what the store holds for `entry` (after a write that failed, the score is put back)."""
        store, rnd, judge = self.store, self.current_round, self.judge
        if store is None or rnd is None or judge is None:
            return
        round_id = rnd.id

        def shown(verdict: Verdict | None) -> None:
            if self.current_round is not None and self.current_round.id == round_id:
                self._verdicts[entry] = verdict
                self.sig_verdict.emit(entry, verdict)

        self._run(lambda: store.verdict(round_id, entry, judge.id), shown)

    # --- plumbing -------------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None], on_error=None) -> None:
        def failed(exc: BaseException) -> None:
            self.error = self._said(exc)

        deliver(self._writes.submit(job), on_done, on_error or failed, self)

    @staticmethod
    def _said(exc: BaseException) -> tuple[Any, str]:
        if isinstance(exc, UserFacingError):
            return exc.msg, exc.details
        return (lambda: translate("CurationViewModel", "That did not work. Try again.")), plain_words(exc)[1]

    def dismiss_error(self) -> None:
        self.error = None

    def app_settings(self) -> Any:
        """The app's Settings in use (the Import dialog prefills the campaign contract and IPFS source from them)."""
        if self._app_settings is not None:
            return self._app_settings()
        from app.config import Settings

        return Settings(curation=self._settings())

    @property
    def is_closed(self) -> bool:
        return self._closed

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop: the writes asked for are finished (a score given just before closing is kept), then the store is
        closed."""
        if self._closed:
            return
        self._closed = True
        store, self.store = self.store, None
        if store is not None:
            done = self._writes.submit(store.close)
            try:
                done.result(timeout=timeout_s)
            except Exception:  # noqa: BLE001 - closing: nothing left to tell
                pass
