"""Carries engine events from its worker thread to the Qt thread as signals (queued connections)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.generation import events as ev


class EngineBridge(QObject):
    sig_event = Signal(object)  # any engine event, delivered on the UI thread
    sig_job_queued = Signal(object)
    sig_job_started = Signal(object)
    sig_model_loading = Signal(object)
    sig_model_loaded = Signal(object)
    sig_step = Signal(object)
    sig_image_ready = Signal(object)
    sig_job_finished = Signal(object)
    sig_job_cancelled = Signal(object)
    sig_job_failed = Signal(object)

    _ROUTES = {
        ev.JobQueued: "sig_job_queued",
        ev.JobStarted: "sig_job_started",
        ev.ModelLoading: "sig_model_loading",
        ev.ModelLoaded: "sig_model_loaded",
        ev.StepProgress: "sig_step",
        ev.ImageReady: "sig_image_ready",
        ev.JobFinished: "sig_job_finished",
        ev.JobCancelled: "sig_job_cancelled",
        ev.JobFailed: "sig_job_failed",
    }

    def __init__(self, engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._relay.connect(self._dispatch)
        engine.subscribe(self._relay.emit)  # emitting from the worker thread queues the call onto ours

    _relay = Signal(object)

    def _dispatch(self, event) -> None:
        self.sig_event.emit(event)
        name = self._ROUTES.get(type(event))
        if name:
            getattr(self, name).emit(event)
