"""A small harness that runs the real engine on the tiny model and records what it says."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.config import GenerationSettings
from app.generation import events as ev
from app.generation.engine import Engine
from app.generation.registry import ModelRegistry
from app.generation.request import GenerationRequest
from app.library.store import Library
from app.services import local_backend


class Recorder:
    def __init__(self) -> None:
        self.events: list = []
        self.timed: list = []  # (event, perf_counter when it arrived)
        self.lock = threading.Lock()
        self.finished = threading.Condition(self.lock)

    def __call__(self, event) -> None:
        with self.lock:
            self.events.append(event)
            self.timed.append((event, time.perf_counter()))
            self.finished.notify_all()

    def of(self, kind) -> list:
        with self.lock:
            return [e for e in self.events if isinstance(e, kind)]

    def wait_for(self, predicate, timeout: float = 120.0):
        with self.lock:
            ok = self.finished.wait_for(lambda: any(predicate(e) for e in self.events), timeout)
            assert ok, f"timed out; events so far: {[type(e).__name__ for e in self.events]}"
            return next(e for e in self.events if predicate(e))

    def wait_job(self, job_id: str, timeout: float = 120.0):
        ends = (ev.JobFinished, ev.JobCancelled, ev.JobFailed)
        return self.wait_for(lambda e: isinstance(e, ends) and e.job.id == job_id, timeout)


def make_engine(models_dir: Path, data_dir: Path, **settings) -> tuple[Engine, Recorder, Library]:
    registry = ModelRegistry([models_dir])
    registry.scan()
    library = Library.open(data_dir)
    gen = GenerationSettings(**settings)
    engine = local_backend(registry, library, lambda: gen)
    recorder = Recorder()
    engine.subscribe(recorder)
    return engine, recorder, library


def quick_request(**changes) -> GenerationRequest:
    base = GenerationRequest(prompt="pearl white, gold trim", preset="studio", seed=42, steps=3, width=64, height=64)
    return base.replace(**changes)
