"""The one interface every front end generates through (docs/ARCHITECTURE.md, "Generation backend").

The window, the command line and Verify submit requests and listen to events (app/generation/events.py); they
never see a pipeline, a registry or a worker thread. `Engine` (engine.py) runs diffusers on this computer; a remote
backend (a shared GPU server that streams progress and previews and returns PNGs with provenance) implements the
same methods, reusing `JobBook` (jobs.py) for ids, states, streams and pruning, and `GeneratedImage` for results.

Keeping images is not the backend's business: whoever keeps them (the library's saver) registers an image sink,
which the backend calls on its hand-off thread for each finished image of a job submitted with save=True; what the
sink returns is announced in ImageReady, and the job's JobFinished comes after all of them.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from app.generation.events import JobSnapshot
from app.generation.generated import GeneratedImage, ImageSink
from app.generation.jobs import Listener
from app.generation.presets import PresetBook
from app.generation.registry import ModelInfo
from app.generation.request import GenerationRequest

__all__ = ["GenerationBackend", "GeneratedImage", "ImageSink", "Listener", "ModelInfo", "LIVE_STREAM"]

LIVE_STREAM = "live"  # the stream live mode submits on: each change of the controls replaces the last request


@runtime_checkable
class GenerationBackend(Protocol):
    # ----- jobs -----
    def submit(self, request: GenerationRequest, save: bool = True, stream: str = "") -> JobSnapshot:
        """Queue a job and return its snapshot (with the seed drawn and the model chosen). RequestError, with the
        next step in words, for a request that cannot run. `stream`: latest wins — a queued job of the same stream
        is replaced, a running one cancelled. `save=False`: nothing goes to the sink; JobFinished.images has them."""

    def cancel(self, job_id: str) -> bool:
        """Stop a queued or running job (within one step); False when it had already ended."""

    def cancel_all(self) -> None: ...

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        """Queued and running jobs in submission order; with include_finished, the newest finished ones too."""

    def wait_idle(self, timeout: float | None = None) -> bool: ...

    # ----- events -----
    def subscribe(self, listener: Listener) -> None:
        """Call `listener(event)` for every event, on the backend's threads: it must return quickly."""

    def unsubscribe(self, listener: Listener) -> None: ...

    def set_image_sink(self, sink: ImageSink | None) -> None:
        """Who keeps finished images (see the module's docstring); None: images are only announced in JobFinished."""

    # ----- what it offers -----
    def models(self) -> list[ModelInfo]:
        """Every checkpoint found, usable ones and the unusable ones with their reason (`error`), and every file
        that cannot be used whatever it is (its `kind` says what it looked like); usable ControlNets and LoRAs are
        offered by `addons`."""

    def refresh_models(self) -> list[ModelInfo]:
        """Look for models again (after an import or a change on disk) and return them, as `models()`."""

    def addons(self, kind: str, arch: str | None = None) -> list[ModelInfo]:
        """The usable ControlNets (kind "controlnet") or LoRAs ("lora"), of the family `arch` when given, by id."""

    def model(self, model_id: str) -> ModelInfo | None:
        """The model, ControlNet or LoRA with this id, usable or not; None when there is none."""

    def model_for(self, model_id: str = "") -> ModelInfo:
        """The model a request naming `model_id` (or none) runs on; RequestError with the next step when none can."""

    def model_with_hash(self, sha256: str, kind: str = "checkpoint") -> ModelInfo | None:
        """The usable model of `kind` ("checkpoint", "controlnet", "lora") whose content hash is `sha256` (Verify);
        may hash models, so call it off the UI thread."""

    def device_label(self) -> str:
        """Where the next job runs, e.g. "CPU" or "CUDA · NVIDIA H200"."""

    def presets(self) -> PresetBook:
        """The style presets requests may name, and how they compose the final prompt."""

    # ----- lifetime -----
    def preload(self, model_id: str = "") -> None:
        """Load a model ahead of the first job (ModelLoading, then ModelLoaded or ModelLoadFailed)."""

    def unload(self) -> None: ...

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel everything, wait for the images already handed to the sink, and stop."""
