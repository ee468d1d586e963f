"""The jobs waiting or running, each with its own Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from app.generation.events import JobState
from ui.icons import icon
from ui.theme import SPACE_S, SPACE_XS


class _JobRow(QWidget):
    def __init__(self, job, on_cancel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job_id = job.id
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
        self.cancel.setToolTip("Cancel this job")
        self.cancel.setAccessibleName(f"Cancel job: {prompt[:40]}")
        self.cancel.clicked.connect(lambda: on_cancel(self.job_id))
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignVCenter)
        self.update_job(job)

    def update_job(self, job) -> None:
        n = job.request.batch
        variations = f"{n} variation{'s' if n != 1 else ''}"
        words = {JobState.QUEUED: "Waiting", JobState.LOADING: "Loading model", JobState.RUNNING: "Running"}
        self.state.setText(f"{words.get(job.state, job.state.value.title())} · {variations}")
        self.bar.setValue(int(job.fraction * 1000))
        self.bar.setVisible(job.state is not JobState.QUEUED)


class QueuePanel(QWidget):
    sig_cancel_job = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _JobRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_S)
        self.title = QLabel("Queue")
        self.title.setProperty("role", "caption")
        layout.addWidget(self.title)
        self._list = QVBoxLayout()
        self._list.setSpacing(SPACE_S)
        layout.addLayout(self._list)

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
        self.title.setText(f"Queue · {len(jobs)}")
        self.setVisible(bool(jobs))

    def update_job(self, job) -> None:
        row = self._rows.get(job.id)
        if row is not None:
            row.update_job(job)

    def job_ids(self) -> list[str]:
        return list(self._rows)
