"""Live mode: the studio's picture follows its controls, and Keep saves the frame shown.

Every change to what would go into a request schedules a frame: ~200 ms after the last change, or every ~300 ms
while changes keep coming (a slider being dragged, a word being typed). A frame is one image, decoded with TAESD
where the model has one, submitted on the backend's LIVE_STREAM (latest wins: the backend replaces a queued frame
and stops a running one) with save=False, so nothing reaches the library or the disk per frame. Only the latest
frame's steps and picture are shown; a replaced or cancelled frame's events are dropped here (and the studio's
view-model ignores the stream altogether). Keep hands the shown frame's GeneratedImage to the library saver's `keep`
off the UI thread, the same way a normal job's images are kept, so the design carries its request and metadata.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from app.errors import RequestError, UserFacingError
from app.generation import events as ev
from app.generation.backend import LIVE_STREAM
from app.generation.generated import GeneratedImage
from app.generation.request import GenerationRequest
from app.library.saver import LibrarySaver
from ui.bind import ViewModel, observable
from ui.design.design_vm import pil_to_qimage
from ui.i18n import translate
from ui.tasks import run_in_background
from ui.theme import FONT_BODY, SPACE_S, TOUCH_DESKTOP, current_theme
from ui.widgets.error_banner import plain_words

log = logging.getLogger(__name__)

DEBOUNCE_MS = 200  # quiet time after the last change before a frame is asked for
MAX_WAIT_MS = 300  # while changes keep coming (a drag), a frame at least this often
KEEP_SHORTCUT = "Ctrl+S"


def _first_frame() -> str:
    return translate("LiveMode", "Live · making the first frame…")


def _frame_time(ms: int) -> str:
    return translate("LiveMode", "Live · {ms} ms a frame").format(ms=QLocale().toString(ms))


class LiveMode(ViewModel):
    """Drives the studio's view-model (`vm`) while on. The view shows `on`, and Keep while `can_keep`."""

    on = observable(False)
    can_keep = observable(False)  # a frame is shown that is not kept yet
    kept = observable(False)  # the frame shown is kept (or being kept)
    sig_frame = Signal(object)  # a frame is shown: its GeneratedImage

    def __init__(self, vm, parent=None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.backend = vm.backend
        self.saver = LibrarySaver(vm.library)  # the same keep() the backend's image sink calls
        self._latest: str | None = None  # the id of the newest frame job; every other job's events are dropped
        self._asked: GenerationRequest | None = None  # what the newest frame was asked from (batch 1)
        self._frame: tuple[str, GeneratedImage] | None = None  # the frame shown: its job id and image
        self._kept: dict[str, object] = {}  # job id of each frame kept (or being kept) → its Design (None meanwhile)
        self._designs: list = []  # designs kept in this live session, shown in the variations strip
        self._vae_only: set[str] = set()  # models with no TAESD to decode with: their frames use the VAE
        self._random_seed = vm.random_seed
        self._quiet = self._timer(DEBOUNCE_MS)
        self._longest = self._timer(MAX_WAIT_MS)
        vm.request_changed.connect(self._on_control_changed)  # anything build_request() reads changed
        vm.bridge.sig_event.connect(self._on_event)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self._ask_frame)
        return timer

    # ----- on and off -----
    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        if on:
            self._random_seed = self.vm.random_seed
            self.vm.random_seed = False  # a fixed seed: only what the person changes changes
            self.on = True
            self._asked = None
            self.vm.say(_first_frame)
            self._ask_frame()
            return
        self.on = False
        self._quiet.stop()
        self._longest.stop()
        if self._latest is not None:
            self.backend.cancel(self._latest)
        self._latest = self._asked = self._frame = None
        self.can_keep = self.kept = False
        self.vm.progress = 0
        self.vm.random_seed = self._random_seed
        self.vm.say(lambda: translate("LiveMode", "Ready"))
        design = self.vm.current_design  # the frame was never a design: the one the studio holds comes back
        if design is not None:
            self.vm.show_design(design)
        else:
            self.vm.preview = None

    def toggle(self) -> None:
        self.set_on(not self.on)

    # ----- frames -----
    def _on_control_changed(self, *_args) -> None:
        if not self.on:
            return
        self._quiet.start()  # restarted by every change
        if not self._longest.isActive():
            self._longest.start()  # not restarted: a drag still gets frames

    def _ask_frame(self) -> None:
        self._quiet.stop()
        self._longest.stop()
        if not self.on:
            return
        vm = self.vm
        request = vm.build_request().replace(batch=1)
        if request == self._asked:
            return
        self._asked = request
        if vm.checks is not None:  # the prompt filter holds in live mode as it does for Generate
            problem = vm.checks.safety.prompt_problem(vm.prompt, enforced=vm.checks.enforced)
            if problem is not None:
                vm.prompt_problem = problem
                vm.say(lambda: translate("LiveMode", "Live · paused"))
                return
        try:
            job = self._submit(request)
        except RequestError as exc:  # e.g. the prompt was emptied: said on the status line, asked again on change
            message = exc.msg
            vm.say(lambda: translate("LiveMode", "Live · {reason}").format(reason=message.render()))
            return
        self._latest = job.id

    def _submit(self, request: GenerationRequest):
        if self._model_of(request) not in self._vae_only:
            try:
                return self.backend.submit(request.replace(decoder="taesd"), save=False, stream=LIVE_STREAM)
            except RequestError:
                pass  # no TAESD for this model, or the request cannot run at all: the VAE answers which
        job = self.backend.submit(request.replace(decoder="vae"), save=False, stream=LIVE_STREAM)
        self._vae_only.add(job.request.model_id)
        return job

    def _model_of(self, request: GenerationRequest) -> str:
        """The id of the model the request runs on (the backend's choice when it names none)."""
        try:
            return self.backend.model_for(request.model_id).id
        except UserFacingError:
            return request.model_id

    def _on_event(self, event) -> None:
        job = getattr(event, "job", None)
        if not self.on or job is None or job.id != self._latest:
            return  # another job's, or a frame that a newer one replaced
        vm = self.vm
        if isinstance(event, ev.StepProgress):
            vm.progress = int(job.fraction * 1000)
            if event.preview is not None:
                vm.show_live_picture(pil_to_qimage(event.preview))
        elif isinstance(event, ev.JobFinished):
            vm.progress = 0
            if event.images:
                self._show_frame(job.id, event.images[0])
        elif isinstance(event, ev.JobCancelled):  # stopped from elsewhere (the app closing): the last frame stays
            vm.progress = 0
        elif isinstance(event, ev.JobFailed):
            vm.progress = 0
            if job.request.decoder == "taesd" and job.request.model_id not in self._vae_only:
                self._vae_only.add(job.request.model_id)  # TAESD would not decode: the next frames use the VAE
                self._asked = None
                self._ask_frame()
                return
            message = event.msg
            vm.say(lambda: translate("LiveMode", "Live · {reason}").format(reason=message.render()))

    def _show_frame(self, job_id: str, image: GeneratedImage) -> None:
        self._frame = (job_id, image)
        self.vm.show_live_picture(pil_to_qimage(image.image()))
        ms = max(1, round(image.seconds * 1000))
        self.vm.say(lambda: _frame_time(ms))
        self._show_keep()
        self.sig_frame.emit(image)

    def frame(self) -> GeneratedImage | None:
        """The frame shown (what Keep keeps), None before the first one."""
        return self._frame[1] if self._frame is not None else None

    # ----- Keep -----
    def keep(self) -> None:
        """Save the frame shown as a design, once; a newer frame still rendering does not change what is kept."""
        if not self.on or self._frame is None or self._frame[0] in self._kept:
            return
        job_id, image = self._frame
        self._kept[job_id] = None
        self._show_keep()
        saver = self.saver
        run_in_background(
            lambda: saver.keep(image),
            lambda design: self._on_kept(job_id, design),
            lambda exc: self._on_keep_failed(job_id, exc),
            self,
            executor="disk",
        )

    def _on_kept(self, job_id: str, design) -> None:
        self._kept[job_id] = design
        self._designs.append(design)
        vm = self.vm
        vm.variations = list(self._designs)
        vm.lineage = [design]
        vm.current_design = design  # its picture is the frame's: nothing to read back
        self._show_keep()

    def _on_keep_failed(self, job_id: str, exc: BaseException) -> None:
        self._kept.pop(job_id, None)
        log.warning("keeping a live frame failed", exc_info=exc)
        self.vm.error = plain_words(exc)
        self._show_keep()

    def _show_keep(self) -> None:
        shown = self._frame[0] if self._frame is not None else None
        self.kept = shown is not None and shown in self._kept
        self.can_keep = self.on and shown is not None and not self.kept


class LiveSwitch(QAbstractButton):
    """A switch with its words beside it: a track that fills with the accent when on, and a knob that moves."""

    TRACK_W, TRACK_H = 36, 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setPixelSize(FONT_BODY)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        words = self.fontMetrics().horizontalAdvance(self.text())
        return QSize(self.TRACK_W + SPACE_S + words + 2 * SPACE_S, TOUCH_DESKTOP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = (self.height() - self.TRACK_H) / 2
        track = QRectF(SPACE_S / 2, top, self.TRACK_W, self.TRACK_H)
        on = self.isChecked()
        painter.setPen(QColor(theme.accent if self.hasFocus() else (theme.accent if on else theme.border)))
        painter.setBrush(QColor(theme.accent if on else theme.raised))
        painter.drawRoundedRect(track, self.TRACK_H / 2, self.TRACK_H / 2)
        knob = self.TRACK_H - 6
        x = track.right() - knob - 3 if on else track.left() + 3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.on_accent if on else theme.text_secondary))
        painter.drawEllipse(QRectF(x, top + 3, knob, knob))
        painter.setPen(QColor(theme.text if self.isEnabled() else theme.text_secondary))
        words = QRectF(track.right() + SPACE_S, 0, self.width() - track.right() - SPACE_S, self.height())
        painter.drawText(words, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text())
