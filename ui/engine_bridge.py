"""Carries a generation backend's events from its threads to the Qt thread as signals (through ui/tasks.py
`call_on_ui`, the one way anything crosses to the UI thread, in the order the backend sent them).

Step previews arrive as fast as the backend makes them (a fast GPU makes dozens a second, a remote server may send
a burst after a network stall); the window can show one per frame. So the latest StepProgress of each job waits
for the next frame and the ones it replaced are dropped, while every other event is delivered in order, after the
step that came before it. The bridge knows only the GenerationBackend interface (app/generation/backend.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.generation import events as ev
from ui.tasks import call_on_ui

FRAME_MS = 16  # one frame at 60 Hz: the most often a preview is worth painting


class EngineBridge(QObject):
    sig_event = Signal(object)  # any backend event, delivered on the UI thread
    sig_job_queued = Signal(object)
    sig_queue_position = Signal(object)  # a job's place in a generation server's line (QueuePosition)
    sig_job_started = Signal(object)
    sig_model_loading = Signal(object)
    sig_model_loaded = Signal(object)
    sig_model_load_failed = Signal(object)
    sig_step = Signal(object)
    sig_image_ready = Signal(object)
    sig_job_finished = Signal(object)
    sig_job_cancelled = Signal(object)
    sig_job_failed = Signal(object)

    _ROUTES = {
        ev.JobQueued: "sig_job_queued",
        ev.QueuePosition: "sig_queue_position",
        ev.JobStarted: "sig_job_started",
        ev.ModelLoading: "sig_model_loading",
        ev.ModelLoaded: "sig_model_loaded",
        ev.ModelLoadFailed: "sig_model_load_failed",
        ev.StepProgress: "sig_step",
        ev.ImageReady: "sig_image_ready",
        ev.JobFinished: "sig_job_finished",
        ev.JobCancelled: "sig_job_cancelled",
        ev.JobFailed: "sig_job_failed",
    }

    def __init__(self, backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._steps: dict[str, ev.StepProgress] = {}  # the latest step of each job, waiting for the next frame
        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._flush_steps)
        self._listener = self._from_backend  # kept: unsubscribe needs the same callable
        backend.subscribe(self._listener)

    def close(self) -> None:
        """Stop listening (the window goes, the backend may stay): nothing more is delivered."""
        self.backend.unsubscribe(self._listener)
        self._frame.stop()
        self._steps.clear()

    def _from_backend(self, event) -> None:
        """On the backend's threads: queue the event onto ours (at once when the backend calls from the UI thread)."""
        call_on_ui(lambda: self._on_relayed(event) if shiboken6.isValid(self) else None)

    def _on_relayed(self, event) -> None:
        if isinstance(event, ev.StepProgress):
            self._steps[event.job.id] = event
            if not self._frame.isActive():
                self._frame.start()
            return
        self._flush_steps()  # what the person saw last before this event, e.g. the final step before the image
        self._dispatch(event)

    def _flush_steps(self) -> None:
        self._frame.stop()
        steps, self._steps = self._steps, {}
        for event in steps.values():
            self._dispatch(event)

    def _dispatch(self, event) -> None:
        self.sig_event.emit(event)
        name = self._ROUTES.get(type(event))
        if name:
            getattr(self, name).emit(event)
