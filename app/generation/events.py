"""What the engine tells its listeners. Sent from the worker thread: a UI must hop to its own thread."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Union

from app.generation.request import GenerationRequest


class JobState(str, Enum):
    QUEUED = "queued"
    LOADING = "loading"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobState.DONE, JobState.CANCELLED, JobState.FAILED)


@dataclass(frozen=True)
class JobSnapshot:
    id: str
    request: GenerationRequest  # concrete seed and model id
    state: JobState
    image_index: int = 0  # which variation is running, 0-based
    step: int = 0  # steps done in the current image
    steps: int = 0  # steps the current image takes (fewer than requested for img2img)
    created_at: float = 0.0

    @property
    def fraction(self) -> float:
        """Overall progress over all variations, 0..1."""
        images = max(1, self.request.batch)
        per_image = self.step / self.steps if self.steps else 0.0
        return min(1.0, (self.image_index + per_image) / images)


@dataclass(frozen=True)
class JobQueued:
    job: JobSnapshot


@dataclass(frozen=True)
class JobStarted:
    job: JobSnapshot


@dataclass(frozen=True)
class ModelLoading:
    model_id: str
    label: str
    stage: str  # "hashing" | "loading"


@dataclass(frozen=True)
class ModelLoaded:
    model_id: str
    label: str
    device_label: str
    seconds: float
    note: str = ""  # e.g. why the preferred device was not used


@dataclass(frozen=True)
class StepProgress:
    job: JobSnapshot
    preview: Any  # a small PIL image, or None when previews are off


@dataclass(frozen=True)
class ImageReady:
    job: JobSnapshot
    design: Any  # app.library.models.Design


@dataclass(frozen=True)
class JobFinished:
    job: JobSnapshot
    designs: tuple  # the saved Designs; PIL images instead for a job submitted with save=False


@dataclass(frozen=True)
class JobCancelled:
    job: JobSnapshot
    steps_after_cancel: int  # steps that ran after Cancel was pressed (0 or 1 is the goal)


@dataclass(frozen=True)
class JobFailed:
    job: JobSnapshot
    message: str
    details: str = ""


EngineEvent = Union[
    JobQueued, JobStarted, ModelLoading, ModelLoaded, StepProgress, ImageReady, JobFinished, JobCancelled, JobFailed
]
