"""What a generation backend tells its listeners. Sent from the backend's threads: a UI must hop to its own thread.

Order a listener can rely on, per job: JobQueued, then QueuePosition… (only a job waiting in a generation server's
line), JobStarted, StepProgress…, ImageReady…, and exactly one of JobFinished / JobCancelled / JobFailed last (every
ImageReady of a job comes before its end)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union

from app.generation.request import GenerationRequest
from app.messages import Message, Msg, as_message

MODEL_CHECKING = Msg("generation.model_checking", "Checking {model}…")
MODEL_LOADING = Msg("generation.model_loading", "Loading {model}…")


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
    stream: str = ""  # "latest wins" stream the job was submitted on ("" for none)

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
class QueuePosition:
    """The job waits in a generation server's line behind `position` others (0: it runs next). Sent when the server
    first says it and each time it changes, never by the local engine: its queue is this computer's own."""

    job: JobSnapshot
    position: int


@dataclass(frozen=True)
class JobStarted:
    job: JobSnapshot


@dataclass(frozen=True)
class ModelLoading:
    model_id: str
    label: str
    stage: str  # "hashing" | "loading"

    @property
    def msg(self) -> Message:
        """The stage in words ("Loading SM6 base…"), by id."""
        return (MODEL_CHECKING if self.stage == "hashing" else MODEL_LOADING)(model=self.label)


@dataclass(frozen=True)
class ModelLoaded:
    model_id: str
    label: str
    device_label: str
    seconds: float
    note: str = ""  # e.g. why the preferred device was not used


@dataclass(frozen=True)
class ModelLoadFailed:
    """A model asked for ahead of a job (preload) could not be loaded; a job that needed it fails on its own."""

    model_id: str
    label: str
    message: str | Message  # given as a Message; kept as its rendered sentence, with the Message in `msg`
    details: str = ""
    msg: Message = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _split_message(self)


@dataclass(frozen=True)
class StepProgress:
    job: JobSnapshot
    preview: Any  # a small PIL image, or None when previews are off


@dataclass(frozen=True)
class ImageReady:
    """An image is safely kept: `design` is what the backend's image sink made of it (the saved library Design)."""

    job: JobSnapshot
    design: Any


@dataclass(frozen=True)
class JobFinished:
    job: JobSnapshot
    designs: tuple  # what the sink made of each image (saved Designs), in seed order
    images: tuple = ()  # GeneratedImages no sink kept: a job submitted with save=False (e.g. Verify)


@dataclass(frozen=True)
class JobCancelled:
    job: JobSnapshot
    steps_after_cancel: int  # steps that ran after Cancel was pressed (0 or 1 is the goal)
    replaced_by: str = ""  # the id of the job that replaced it on its stream ("latest wins"), else ""


@dataclass(frozen=True)
class JobFailed:
    job: JobSnapshot
    message: str | Message  # given as a Message; kept as its rendered sentence, with the Message in `msg`
    details: str = ""
    msg: Message = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _split_message(self)


@dataclass(frozen=True)
class BackendChanged:
    """New jobs now go to another backend (Settings → Generation changed where designs are generated): the models,
    the device and the server's status it offers may differ, so whoever shows them asks again. Not a job's event."""


@dataclass(frozen=True)
class Compiling:
    """The UNet of `label` is being compiled for the GPU in the background (True), or no longer is (False); jobs run
    uncompiled meanwhile (compiled_unet.py). Not a job's event."""

    active: bool
    label: str


def _split_message(event) -> None:
    """`event.msg` the id and parameters a front end acts on and translates; `event.message` its sentence, so a
    listener that only shows text keeps working."""
    msg = as_message(event.message)
    object.__setattr__(event, "msg", msg)
    object.__setattr__(event, "message", msg.render())


EngineEvent = Union[
    JobQueued,
    QueuePosition,
    JobStarted,
    ModelLoading,
    ModelLoaded,
    ModelLoadFailed,
    StepProgress,
    ImageReady,
    JobFinished,
    JobCancelled,
    JobFailed,
    BackendChanged,
    Compiling,
]
JOB_ENDS = (JobFinished, JobCancelled, JobFailed)
