"""State of the Design studio, independent of its widgets. Talks to a GenerationBackend (app/generation/backend.py)
through the EngineBridge, which delivers the backend's events on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from app.errors import UserFacingError
from app.generation import events as ev
from app.generation.events import JobState
from app.generation.presets import PresetBook
from app.generation.request import GenerationRequest
from ui.bind import ViewModel, observable

SOURCES = ("none", "base", "design")


def ended_text(state: JobState, saved: int = 0) -> str:
    """The status line under the preview once a job has ended."""
    if state is JobState.DONE:
        return f"Done · {saved} design{'s' if saved != 1 else ''} saved"
    return "Cancelled" if state is JobState.CANCELLED else "Failed"


def pil_to_qimage(image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    # QImage does not own the buffer: copy() detaches it from the Python bytes.
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class DesignViewModel(ViewModel):
    # what the user asks for
    prompt = observable("")
    preset = observable("studio")
    negative_prompt = observable("")
    random_seed = observable(True)
    seed = observable(1234)
    steps = observable(25)
    guidance = observable(7.0)
    width = observable(512)
    height = observable(512)
    batch = observable(4)
    scheduler = observable("dpmpp_2m")
    source = observable("base")  # start from the SM6 artwork by default: it keeps designs car-shaped
    keep_shape = observable(40)  # percent of the starting image to keep (img2img strength = 1 - keep)
    model_id = observable("")
    # what the studio shows
    final_prompt = observable("")
    final_negative = observable("")
    busy = observable(False)
    progress = observable(0)  # 0..1000 over the running job
    status_text = observable("Ready")
    preview = observable(None)  # QImage of the latest step or result
    current_design = observable(None)  # the Design in the big preview (after a result or a click)
    variations = observable([])  # Designs of the latest job, in seed order
    lineage = observable([])  # root → current design
    jobs = observable([])  # JobSnapshots queued or running
    error = observable(None)  # (message, details) or None

    sig_design_saved = Signal(object)  # a new Design: the library view adds it
    sig_design_changed = Signal(object)  # an existing Design changed (favourite)
    sig_use_design = Signal(object)  # "Use this design": the next workspace takes it

    def __init__(self, bridge, library, presets: PresetBook | None = None, parent=None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.backend = bridge.backend
        self.library = library
        self.presets = presets or self.backend.presets()
        self._running_job: str | None = None
        self._pending: list[object] = []
        for name in ("prompt", "preset", "negative_prompt"):
            getattr(self, f"{name}_changed").connect(self._update_final_prompt)
        bridge.sig_event.connect(self._on_engine_event)
        self._update_final_prompt()

    # ----- commands -----
    def build_request(self) -> GenerationRequest:
        source = self.source
        design = self.current_design
        if source == "design" and design is None:
            source = "base"
        return GenerationRequest(
            prompt=self.prompt,
            preset=self.preset,
            negative_prompt=self.negative_prompt,
            seed=None if self.random_seed else int(self.seed),
            steps=int(self.steps),
            guidance=float(self.guidance),
            width=int(self.width),
            height=int(self.height),
            batch=int(self.batch),
            scheduler=self.scheduler,
            source=source,
            source_design_id=design.id if source == "design" and design else None,
            strength=round(1.0 - self.keep_shape / 100.0, 3),
            model_id=self.model_id,
        )

    def generate(self) -> bool:
        """Queue a job; on bad input show why and keep everything the user typed."""
        try:
            job = self.backend.submit(self.build_request())
        except UserFacingError as exc:
            self.error = (exc.message, exc.details)
            return False
        self.error = None
        if not self.random_seed:
            return True
        self.seed = job.request.seed  # show the seed that was drawn, so the user can pin it
        return True

    def cancel_current(self) -> None:
        if self._running_job:
            self.backend.cancel(self._running_job)
        elif self.jobs:
            self.backend.cancel(self.jobs[-1].id)

    def cancel_job(self, job_id: str) -> None:
        self.backend.cancel(job_id)

    def show_design(self, design) -> None:
        """Put a design in the big preview and its lineage in the history strip."""
        self.current_design = design
        if design is None:
            return
        self.preview = QImage(design.image_path)
        self.lineage = self.library.lineage(design.id)

    def open_design(self, design) -> None:
        """From the library: load its settings into the controls so the user can iterate on it."""
        request = design.request
        for name in ("prompt", "preset", "negative_prompt", "steps", "guidance", "width", "height", "scheduler"):
            setattr(self, name, getattr(request, name))
        self.seed = design.seed
        self.variations = [design]
        self.show_design(design)

    def refine(self) -> None:
        """Iterate on the design in the preview: the next generation starts from it."""
        if self.current_design is None:
            return
        self.source = "design"
        self.width, self.height = self.current_design.width, self.current_design.height
        self.generate()

    def toggle_favourite(self) -> None:
        design = self.current_design
        if design is None:
            return
        try:
            updated = self.library.set_favourite(design.id, not design.favourite)
        except UserFacingError as exc:
            self.error = (exc.message, exc.details)
            return
        self.current_design = updated
        self.variations = [updated if d.id == updated.id else d for d in self.variations]
        self.lineage = [updated if d.id == updated.id else d for d in self.lineage]
        self.sig_design_changed.emit(updated)

    def use_design(self) -> None:
        if self.current_design is not None:
            self.sig_use_design.emit(self.current_design)

    def dismiss_error(self) -> None:
        self.error = None

    # ----- backend events (UI thread) -----
    def _on_engine_event(self, event) -> None:
        if isinstance(event, (ev.JobQueued, ev.JobStarted, *ev.JOB_ENDS)):
            self.jobs = self.backend.jobs()
        if isinstance(event, ev.JobStarted):
            self._running_job = event.job.id
            self._pending = []
            self.busy = True
            self.progress = 0
            self.status_text = "Preparing the model…"
        elif isinstance(event, ev.ModelLoading):
            self.status_text = f"Checking {event.label}…" if event.stage == "hashing" else f"Loading {event.label}…"
        elif isinstance(event, ev.ModelLoaded):
            # A preload ends here; a job goes on to its steps, and says so until the first one arrives.
            self.status_text = "Starting…" if self._running_job else "Ready"
        elif isinstance(event, ev.ModelLoadFailed) and not self._running_job:
            self.status_text = f"{event.label} could not be loaded"
        elif isinstance(event, ev.StepProgress) and event.job.id == self._running_job:
            job = event.job
            self.progress = int(job.fraction * 1000)
            images = f" · variation {job.image_index + 1} of {job.request.batch}" if job.request.batch > 1 else ""
            self.status_text = f"Step {job.step} of {job.steps}{images}"
            if event.preview is not None:
                self.preview = pil_to_qimage(event.preview)
        elif isinstance(event, ev.ImageReady) and event.job.id == self._running_job:
            self._pending.append(event.design)
            self.variations = list(self._pending)
            self.show_design(event.design)
            self.sig_design_saved.emit(event.design)
        elif isinstance(event, ev.JobFinished):
            self._job_ended(event.job.id, JobState.DONE, len(event.designs))
        elif isinstance(event, ev.JobCancelled):
            self._job_ended(event.job.id, JobState.CANCELLED)
        elif isinstance(event, ev.JobFailed):
            self._job_ended(event.job.id, JobState.FAILED)
            self.error = (event.message, event.details)

    def _job_ended(self, job_id: str, state: JobState, saved: int = 0) -> None:
        if job_id == self._running_job:
            self._running_job = None
            self.status_text = ended_text(state, saved)
            self.progress = 0
            if state is JobState.CANCELLED:  # drop the half-denoised preview; show what the user had before
                self.preview = QImage(self.current_design.image_path) if self.current_design else None
        self.busy = bool(self.backend.jobs())

    def _update_final_prompt(self, *_args) -> None:
        composed = self.presets.compose(
            GenerationRequest(prompt=self.prompt or "…", preset=self.preset, negative_prompt=self.negative_prompt)
        )
        self.final_prompt = composed.positive
        self.final_negative = composed.negative
