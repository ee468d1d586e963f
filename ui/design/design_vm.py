"""State of the Design studio, independent of its widgets. Talks to a GenerationBackend (app/generation/backend.py)
through the EngineBridge, which delivers the backend's events on the UI thread, and hears the core's change feed
(app/changes.py): a design it shows that is starred or removed anywhere redraws here."""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from app.changes import DesignChanged, DesignDeleted, SettingsChanged
from app.errors import UserFacingError
from app.executors import Serial
from app.generation import events as ev
from app.generation.backend import LIVE_STREAM
from app.generation.events import JobState
from app.generation.presets import PresetBook
from app.generation.request import GenerationRequest
from app.library.interface import DesignStore
from app.safety.blur import blurred
from app.safety.service import ContentSafety
from ui.bind import observable
from ui.design.guidance_state import GuidanceState
from ui.design.picture_checks import PictureChecks, PictureState
from ui.design.status_words import ended_text, step_text, waiting_text
from ui.i18n import translate
from ui.tasks import ChangeRelay, deliver, run_in_background
from ui.widgets.error_banner import plain_words

log = logging.getLogger(__name__)
WRITES_WAIT_S = 10.0  # at quit: how long the last favourites may take to reach the disk

SOURCES = ("none", "base", "design", "picture")


def _ready() -> str:
    return translate("DesignViewModel", "Ready")


def _favourite_not_saved() -> str:
    return translate("DesignViewModel", "The favourite could not be saved. Try again.")


def pil_to_qimage(image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    # QImage does not own the buffer: copy() detaches it from the Python bytes.
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class DesignViewModel(GuidanceState):  # the view, mask, guide and LoRAs: ui/design/guidance_state.py
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
    status_text = observable("")  # said by _say(), in the language shown; retranslate() says it again
    preview = observable(None)  # QImage of the latest step or result
    current_design = observable(None)  # the Design in the big preview (after a result or a click)
    variations = observable([])  # Designs of the latest job, in seed order
    lineage = observable([])  # root → current design
    jobs = observable([])  # JobSnapshots queued or running
    waiting_position = observable(None)  # the job's place in the generation server's line (0: next), while it waits
    error = observable(None)  # (message, details) or None
    reading = observable(False)  # the shown design's lineage or picture is on its way from the disk
    prompt_problem = observable(None)  # app.messages.Message: why the prompt was not used (content safety), or None

    sig_use_design = Signal(object)  # "Use this design": the next workspace takes it
    sig_picture_checked = Signal(str)  # a design's content-safety verdict arrived (its id): redraw its thumbnail

    def __init__(
        self,
        bridge,
        library: DesignStore,
        presets: PresetBook | None = None,
        parent=None,
        *,
        changes=None,
        safety: ContentSafety | None = None,
        enforced: bool = False,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.backend = bridge.backend
        self.library = library
        self.presets = presets or self.backend.presets()
        self._running_job: str | None = None
        self._waiting_job: str | None = None  # ours, waiting in a generation server's line (not started yet)
        self._pending: list[object] = []
        self._shown = 0  # numbers each design shown: an older design's lineage or picture arriving late is dropped
        self._live = 0  # counts step previews: a picture read before the latest one must not cover it
        self._writes = Serial("disk")  # favourites reach the store one at a time, in the order given
        self._favourites: dict[str, bool] = {}  # asked for, not yet stored: a second press toggles the first
        self._last_write = None
        self._status_words: Callable[[], str] = _ready  # makes status_text again when the language changes
        self._error_words: Callable[[], tuple] | None = None  # makes `error` again, while it is the one it made
        self._said_error = None
        self.checks: PictureChecks | None = None  # content safety, where the window gave it (use_content_safety)
        self._full: tuple[str, QImage] | None = None  # the shown design's own picture, while its check is pending
        self._say(_ready)
        self.prompt_changed.connect(lambda _text: setattr(self, "prompt_problem", None))
        for name in ("prompt", "preset", "negative_prompt"):
            getattr(self, f"{name}_changed").connect(self._update_final_prompt)
        bridge.sig_event.connect(self._on_engine_event)
        # The library's feed unless told another (the window passes the services' one, which every store shares).
        feed = changes if changes is not None else getattr(library, "changes", None)
        self.relay = ChangeRelay(feed, self) if feed is not None else None
        if self.relay is not None:
            self.relay.changed.connect(self._on_change)
        self._update_final_prompt()
        self._watch_guidance()
        self.refresh_addons()
        if safety is not None:
            self.use_content_safety(safety, enforced)

    def use_content_safety(self, safety: ContentSafety, enforced: bool) -> None:
        """Check prompts before generating and each design's picture before it is shown or used: always where
        `enforced` (the kiosk's policy), else as the studio's Settings say."""
        self.checks = PictureChecks(safety, enforced, self)
        self.checks.checked.connect(self._on_picture_checked)

    # ----- words -----
    def _say(self, words: Callable[[], str]) -> None:
        self._status_words = words
        self.status_text = words()

    def say(self, words: Callable[[], str]) -> None:
        """The status line from another part of the studio (live mode): `words()` says it in the language shown."""
        self._say(words)

    def show_live_picture(self, image: QImage) -> None:
        """A live frame or its step (ui/design/live_mode.py): a design's picture read before it must not cover it."""
        self._live += 1
        self.preview = image

    def _own_jobs(self) -> list:
        return [job for job in self.backend.jobs() if job.stream != LIVE_STREAM]  # live frames are live mode's

    def _say_error(self, words: Callable[[], tuple]) -> None:
        self._error_words = words
        self.error = self._said_error = words()

    def retranslate(self) -> None:
        """The language changed (the view hears it): say the status line, and an error this made, in it."""
        self.status_text = self._status_words()
        if self._error_words is not None and self.error is not None and self.error == self._said_error:
            self.error = self._said_error = self._error_words()

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
            **self.guidance_fields(source),
        )

    def generate(self) -> bool:
        """Queue a job; on bad input show why and keep everything the user typed."""
        if self.checks is not None:
            problem = self.checks.safety.prompt_problem(self.prompt, enforced=self.checks.enforced)
            if problem is not None:  # never generated, never echoing the word; the prompt stays for editing
                self.prompt_problem = problem
                return False
        self.prompt_problem = None
        try:
            job = self.backend.submit(self.build_request())
        except UserFacingError as exc:
            msg, details = exc.msg, exc.details
            self._say_error(lambda: (msg.render(), details))
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
        """Put a design in the big preview and its lineage in the history strip.

        Both are read on the `disk` executor (a full-size decode and a walk up the parents stall the window). Until
        they arrive the strip shows what is known already (the shown lineage up to this design, or this design
        added to it), and the preview keeps its picture; a newer design shown meanwhile makes the answer moot."""
        self._shown += 1
        self.current_design = design
        if design is None:
            self.reading = False
            return
        self.lineage = _known_lineage(self.lineage, design)
        shown, live, library, path = self._shown, self._live, self.library, design.image_path
        self.reading = True

        def read() -> tuple[list, QImage]:
            return library.lineage(design.id), QImage(path)  # a QImage may be made on any thread

        def arrived(answer: tuple[list, QImage]) -> None:
            if shown != self._shown:
                return
            self.reading = False
            if self.current_design is None or self.current_design.id != design.id:
                return  # cleared meanwhile (removed, or a new visitor at the kiosk): nothing of it may come back
            lineage, image = answer
            self.lineage = lineage or [design]
            if live == self._live:  # a newer step preview of a running job stays
                self._show_picture(design, image)

        def failed(exc: BaseException) -> None:
            if shown == self._shown:
                log.warning("reading design %s failed", design.id, exc_info=exc)
                self.reading = False

        run_in_background(read, arrived, failed, self)

    def open_design(self, design) -> None:
        """From the library: load its settings into the controls so the user can iterate on it."""
        request = design.request
        for name in ("prompt", "preset", "negative_prompt", "steps", "guidance", "width", "height", "scheduler"):
            setattr(self, name, getattr(request, name))
        self.open_guidance(request)
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
        """Star or unstar the shown design. Written on the `disk` executor, in order: two quick presses undo each
        other, whatever each one's write has reached by then."""
        design = self.current_design
        if design is None:
            return
        value = not self._favourites.get(design.id, design.favourite)
        self._favourites[design.id] = value
        library = self.library
        future = self._last_write = self._writes.submit(library.set_favourite, design.id, value)

        def stored(updated) -> None:
            if self._favourites.get(design.id) == value:
                del self._favourites[design.id]
            self._show_changed(updated)  # the feed's DesignChanged then finds it shown already

        def failed(exc: BaseException) -> None:
            if self._favourites.get(design.id) == value:
                del self._favourites[design.id]
            said = exc.msg if isinstance(exc, UserFacingError) else None  # its own words, else ours
            details = plain_words(exc)[1]
            self._say_error(lambda: (said.render() if said is not None else _favourite_not_saved(), details))
            self.current_design_changed.emit(self.current_design)  # the star the press lit goes out again

        deliver(future, stored, failed, self)

    def finish_writes(self) -> None:
        """At quit: wait (briefly) until the favourites asked for are stored, before the library closes."""
        if self._last_write is not None:
            try:
                self._last_write.result(timeout=WRITES_WAIT_S)
            except Exception:  # noqa: BLE001 - its error was shown already, or the app is going anyway
                log.warning("a favourite was not stored before quitting", exc_info=True)

    def _show_changed(self, updated) -> None:
        if self.current_design is not None and self.current_design.id == updated.id:
            self.current_design = updated
        self.variations = [updated if d.id == updated.id else d for d in self.variations]
        self.lineage = [updated if d.id == updated.id else d for d in self.lineage]

    def _on_change(self, change) -> None:
        if isinstance(change, SettingsChanged) and "safety" in change.sections and self.checks is not None:
            self.forget_picture_checks()  # new thresholds or switches: every picture is judged again
            for design in self.variations:
                self.picture_state(design)
            if self.current_design is not None:
                self.show_design(self.current_design)
            self.variations_changed.emit(self.variations)
        elif isinstance(change, DesignChanged):
            self._show_changed(change.design)
        elif isinstance(change, DesignDeleted):
            gone = change.design_id
            self.variations = [d for d in self.variations if d.id != gone]
            self.lineage = [d for d in self.lineage if d.id != gone]
            if self.current_design is not None and self.current_design.id == gone:
                self.current_design = None
                if self._running_job is None:  # a job's live preview stays; a removed design's picture goes
                    self.preview = None

    def use_design(self) -> None:
        design = self.current_design
        if design is None:
            return
        if not self.may_use(design):  # held back, or its check is not done yet
            message = self.picture_message(design)
            if message is not None:
                self._say_error(lambda: (message.render(), ""))
            return
        self.sig_use_design.emit(design)

    # ----- content safety of pictures -----
    def picture_state(self, design) -> PictureState:
        return self.checks.state(design) if self.checks is not None else PictureState.FREE

    def may_use(self, design) -> bool:
        return design is not None and self.picture_state(design) in (PictureState.FREE, PictureState.ALLOWED)

    def picture_message(self, design):
        return self.checks.message(design) if self.checks is not None else None

    def blurred_picture(self, design) -> QImage | None:
        return self.checks.blurred(design) if self.checks is not None else None

    def forget_picture_checks(self) -> None:
        """A new visitor (or new thresholds): no verdict or blurred picture of earlier designs stays in memory."""
        self._full = None
        if self.checks is not None:
            self.checks.forget()

    def _show_picture(self, design, image: QImage) -> None:
        """The big preview: the design's own picture once it may be shown, its blur when held back; while it is
        checked the preview keeps what it shows (the last step, or nothing)."""
        state = self.picture_state(design)
        if state is PictureState.CHECKING:
            self._full = (design.id, image)
        elif state is PictureState.HELD_BACK:
            self._full = None
            self.preview = self.blurred_picture(design)
        else:
            self._full = None
            self.preview = image

    def _on_picture_checked(self, design_id: str) -> None:
        shown = self.current_design
        if shown is not None and shown.id == design_id:
            if self._full is not None and self._full[0] == design_id:
                self._show_picture(shown, self._full[1])
            elif self.picture_state(shown) is PictureState.HELD_BACK:
                self.preview = self.blurred_picture(shown)
            self.current_design_changed.emit(shown)  # what may be done with it changed
        self.sig_picture_checked.emit(design_id)

    def dismiss_error(self) -> None:
        self.error = None

    # ----- backend events (UI thread) -----
    def _on_engine_event(self, event) -> None:
        if getattr(getattr(event, "job", None), "stream", "") == LIVE_STREAM:
            return  # a live frame: ui/design/live_mode.py shows it
        if isinstance(event, (ev.JobQueued, ev.JobStarted, *ev.JOB_ENDS)):
            self.jobs = self._own_jobs()
        if isinstance(event, ev.QueuePosition):
            self._on_queue_position(event)
        elif isinstance(event, ev.JobStarted):
            self._waiting_job = self.waiting_position = None
            self._running_job = event.job.id
            self._pending = []
            self.busy = True
            self.progress = 0
            self._say(lambda: translate("DesignViewModel", "Preparing the model…"))
        elif isinstance(event, ev.ModelLoading):
            msg = event.msg  # the stage in words, by id (translated with the core's messages)
            self._say(msg.render)
        elif isinstance(event, ev.ModelLoaded):
            # A preload ends here; a job goes on to its steps, and says so until the first one arrives.
            self._say((lambda: translate("DesignViewModel", "Starting…")) if self._running_job else _ready)
        elif isinstance(event, ev.ModelLoadFailed) and not self._running_job:
            label = event.label
            self._say(lambda: translate("DesignViewModel", "{model} could not be loaded").format(model=label))
        elif isinstance(event, ev.StepProgress) and event.job.id == self._running_job:
            job = event.job
            self.progress = int(job.fraction * 1000)
            step, steps, index, batch = job.step, job.steps, job.image_index, job.request.batch
            self._say(lambda: step_text(step, steps, index, batch))
            if event.preview is not None:
                self._live += 1
                picture = event.preview
                if self.checks is not None and self.checks.enforced:  # unchecked: at the kiosk only its blur shows
                    picture = blurred(picture)
                self.preview = pil_to_qimage(picture)
        elif isinstance(event, ev.ImageReady) and event.job.id == self._running_job:
            self._pending.append(event.design)
            self.variations = list(self._pending)
            self.show_design(event.design)  # the Library hears of it from the feed, as it hears of any design
        elif isinstance(event, ev.JobFinished):
            self._job_ended(event.job.id, JobState.DONE, len(event.designs))
        elif isinstance(event, ev.JobCancelled):
            self._job_ended(event.job.id, JobState.CANCELLED)
        elif isinstance(event, ev.JobFailed):
            self._job_ended(event.job.id, JobState.FAILED)
            msg, details = event.msg, event.details
            self._say_error(lambda: (msg.render(), details))

    def _on_queue_position(self, event) -> None:
        """A job of ours waits in the server's line: say where it stands, unless another of ours runs meanwhile."""
        if self._running_job is not None or event.job.id not in {job.id for job in self.jobs}:
            return  # a place said just before its job ended (cancelled) is over
        position, self._waiting_job = event.position, event.job.id
        self.waiting_position = position
        self.busy = True  # the wait is part of the job: it can be cancelled, and Generate would queue another
        self._say(lambda: waiting_text(position))

    def _job_ended(self, job_id: str, state: JobState, saved: int = 0) -> None:
        if job_id == self._waiting_job:  # it never started (cancelled in line, or the server could not run it)
            self._waiting_job = self.waiting_position = None
            self._say(lambda: ended_text(state, saved))
        if job_id == self._running_job:
            self._running_job = None
            self._say(lambda: ended_text(state, saved))
            self.progress = 0
            if state is JobState.CANCELLED:  # drop the half-denoised preview; show what the user had before
                self._live += 1
                if self.current_design is None:
                    self.preview = None
                else:  # its picture replaces the half-denoised one as soon as it is read
                    self.show_design(self.current_design)
        self.busy = bool(self._own_jobs())

    def _update_final_prompt(self, *_args) -> None:
        composed = self.presets.compose(
            GenerationRequest(prompt=self.prompt or "…", preset=self.preset, negative_prompt=self.negative_prompt)
        )
        self.final_prompt = composed.positive
        self.final_negative = composed.negative


def _known_lineage(shown: list, design) -> list:
    """What the lineage strip can show of `design` before the store answers: the shown lineage up to it (walking
    back), with it added (a refinement of the last one), or it alone. Only designs shown already appear here, so a
    kiosk's filtered lineage stays filtered."""
    ids = [d.id for d in shown]
    if design.id in ids:
        return [*shown[: ids.index(design.id)], design]
    if shown and design.parent_id == ids[-1]:
        return [*shown, design]
    return [design]
