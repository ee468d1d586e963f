"""The content-safety check of each design's picture, for the studio, the kiosk and the Library: run once per design,
off the UI thread, and remembered (with the blurred picture shown in its place when it is held back).

Checks run on the `generation` executor (the classifier shares the machine with denoising, and loads lazily on the
thread that first checks): a design's check may wait until the running job ends. Until its answer arrives a design
is "checking" and cannot be used; where the policy enforces content safety (the kiosk), a picture that could not be
checked is held back too (app/safety/service.py).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from app.messages import Message
from app.safety.blur import blurred_png
from app.safety.messages import IMAGE_UNCHECKED
from app.safety.service import ContentSafety, PictureVerdict
from ui.tasks import run_in_background

log = logging.getLogger(__name__)
KEPT = 200  # verdicts remembered (a long studio session); a forgotten one is simply checked again


class PictureState(Enum):
    FREE = "free"  # no check applies: shown and used as it is
    CHECKING = "checking"
    ALLOWED = "allowed"
    HELD_BACK = "held_back"  # shown blurred, cannot be used


@dataclass(frozen=True)
class Checked:
    verdict: PictureVerdict
    blurred: QImage | None  # the picture shown in the design's place when held back


class PictureChecks(QObject):
    """Verdicts by design id. `checked(design_id)` says one arrived (on the UI thread)."""

    checked = Signal(str)

    def __init__(self, safety: ContentSafety, enforced: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.safety = safety
        self.enforced = enforced
        self._verdicts: OrderedDict[str, Checked] = OrderedDict()
        self._asked: set[str] = set()
        self._pixmaps: dict[str, QPixmap] = {}  # blurred pictures as drawn (made on the UI thread, once each)
        self._round = 0  # forget() starts a new round: answers to an earlier one are dropped

    def active(self) -> bool:
        return self.safety.checks_pictures(enforced=self.enforced)

    def state(self, design) -> PictureState:
        """What may be done with `design`'s picture now; asks for its check (once) when it has none yet."""
        if design is None or not self.active():
            return PictureState.FREE
        found = self._verdicts.get(design.id)
        if found is None:
            self._ask(design)
            return PictureState.CHECKING
        self._verdicts.move_to_end(design.id)
        return PictureState.HELD_BACK if found.verdict.blurred or not found.verdict.may_submit else PictureState.ALLOWED

    def may_use(self, design) -> bool:
        return self.state(design) in (PictureState.FREE, PictureState.ALLOWED)

    def message(self, design) -> Message | None:
        """The kind sentence for a held-back picture (in the language shown when it is rendered)."""
        found = self._verdicts.get(design.id) if design is not None and self.active() else None
        if found is None or self.state(design) is not PictureState.HELD_BACK:
            return None
        return found.verdict.message or IMAGE_UNCHECKED()

    def blurred(self, design) -> QImage | None:
        found = self._verdicts.get(design.id) if design is not None else None
        return found.blurred if found is not None else None

    def blurred_pixmap(self, design) -> QPixmap | None:
        found = self.blurred(design)
        if found is None:
            return None
        if design.id not in self._pixmaps:
            self._pixmaps[design.id] = QPixmap.fromImage(found)
        return self._pixmaps[design.id]

    def shown(self, design, picture: Callable[[], QPixmap | None]) -> QPixmap | None:
        """What may be drawn for `design`: `picture()` when free or allowed, its blur when held back, and None (the
        view's loading placeholder) while it is checked."""
        state = self.state(design)
        if state is PictureState.CHECKING:
            return None
        return self.blurred_pixmap(design) if state is PictureState.HELD_BACK else picture()

    def pending(self) -> bool:
        return bool(self._asked)

    def forget(self) -> None:
        """Drop every verdict and blurred picture (a new visitor; new thresholds or switches)."""
        self._round += 1
        self._verdicts.clear()
        self._asked.clear()
        self._pixmaps.clear()

    def _ask(self, design) -> None:
        if design.id in self._asked:
            return
        self._asked.add(design.id)
        design_id, path, asked_round = design.id, design.image_path, self._round
        safety, enforced = self.safety, self.enforced

        def check() -> Checked:
            try:
                png = Path(path).read_bytes()
            except OSError as exc:
                log.warning("design %s could not be read for its picture check: %s", design_id, exc)
                png = b""  # not readable is "not checked": held back where enforced
            verdict = safety.picture(png, enforced=enforced)
            blurred = QImage.fromData(blurred_png(png), "PNG") if verdict.blurred else None  # i18n: not shown
            return Checked(verdict, blurred)

        def arrived(found: Checked) -> None:
            if asked_round != self._round:
                return
            self._asked.discard(design_id)
            self._verdicts[design_id] = found
            while len(self._verdicts) > KEPT:
                self._pixmaps.pop(self._verdicts.popitem(last=False)[0], None)
            self.checked.emit(design_id)

        def failed(exc: BaseException) -> None:
            log.warning("picture check of design %s failed", design_id, exc_info=exc)
            arrived(Checked(PictureVerdict(not enforced, enforced, IMAGE_UNCHECKED() if enforced else None), None))

        run_in_background(check, arrived, failed, self, executor="generation")
