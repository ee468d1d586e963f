"""The jobs waiting or running, each with its own Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from app.generation.events import JobState
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_S, SPACE_XS


def _state_words(state: JobState) -> str:
    words = {
        JobState.QUEUED: translate("QueuePanel", "Waiting"),
        JobState.LOADING: translate("QueuePanel", "Loading model"),
        JobState.RUNNING: translate("QueuePanel", "Running"),
        JobState.DONE: translate("QueuePanel", "Done"),
        JobState.CANCELLED: translate("QueuePanel", "Cancelled"),
        JobState.FAILED: translate("QueuePanel", "Failed"),
    }
    return words.get(state, state.value)


class _JobRow(Retranslating, QWidget):
    def __init__(self, job, on_cancel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job_id = job.id
        self._job = job
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        texts = QVBoxLayout()
        texts.setSpacing(SPACE_XS)
        prompt = job.request.prompt.strip().replace("\n", " ")
        self.title = QLabel(prompt if len(prompt) <= 38 else prompt[:37] + "…")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setToolTip(prompt)
        texts.addWidget(self.title)
        self.state = QLabel()
        self.state.setProperty("role", "caption")
        texts.addWidget(self.state)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(4)
        texts.addWidget(self.bar)
        layout.addLayout(texts, 1)
        self.cancel = QToolButton()
        self.cancel.setIcon(icon("cancel"))
        self._prompt = prompt
        self.cancel.clicked.connect(lambda: on_cancel(self.job_id))
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setToolTip(translate("QueuePanel", "Cancel this job"))
        self.cancel.setAccessibleName(translate("QueuePanel", "Cancel job: {prompt}").format(prompt=self._prompt[:40]))
        self.update_job(self._job)

    def update_job(self, job) -> None:
        self._job = job
        n = job.request.batch
        variations = (
            translate("QueuePanel", "1 variation") if n == 1 else translate("QueuePanel", "{count} variations")
        ).format(count=n)
        state = translate("QueuePanel", "{state} · {variations}")
        self.state.setText(state.format(state=_state_words(job.state), variations=variations))
        self.bar.setValue(int(job.fraction * 1000))
        self.bar.setVisible(job.state is not JobState.QUEUED)


class QueuePanel(Retranslating, QWidget):
    sig_cancel_job = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _JobRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.title = QLabel()
        self.title.setProperty("role", "caption")
        layout.addWidget(self.title)
        self._list = QVBoxLayout()
        self._list.setSpacing(SPACE_S)
        layout.addLayout(self._list)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("QueuePanel", "Queue · {count}").format(count=len(self._rows)))

    def set_jobs(self, jobs: list) -> None:
        wanted = {job.id for job in jobs}
        for job_id in list(self._rows):
            if job_id not in wanted:
                self._rows.pop(job_id).deleteLater()
        for job in jobs:
            row = self._rows.get(job.id)
            if row is None:
                row = _JobRow(job, self.sig_cancel_job.emit)
                self._rows[job.id] = row
                self._list.addWidget(row)
            else:
                row.update_job(job)
        self.retranslate()
        self.setVisible(bool(jobs))

    def update_job(self, job) -> None:
        row = self._rows.get(job.id)
        if row is not None:
            row.update_job(job)

    def job_ids(self) -> list[str]:
        return list(self._rows)
