"""Keeps the studio's draft (app/generation/studio_draft.py): written a second after the last change to the prompt,
style, settings or guidance, and at quit; put back when the window opens, unless the person has already started
(typed a prompt, opened a design) by the time it is read. The window makes one only off the kiosk: there each visitor
starts afresh.

    keeper = DraftKeeper(design_vm, services.data_dir)   # reads the last draft in the background
    ...
    keeper.close()   # at quit: the last second of changes is written
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.executors import Serial
from app.generation.studio_draft import StudioDraft, read_draft, write_draft
from ui.tasks import run_in_background

log = logging.getLogger(__name__)

SAVE_AFTER_MS = 1000
WRITE_WAIT_S = 5.0
KEPT = (  # the view-model's fields a draft holds (the request's, and the two that are not in it)
    "prompt",
    "preset",
    "negative_prompt",
    "random_seed",
    "seed",
    "steps",
    "guidance",
    "width",
    "height",
    "batch",
    "scheduler",
    "source",
    "keep_shape",
    "view",
    "mask",
    "control_model",
    "control_strength",
    "control_hint",
    "loras",
)


class DraftKeeper(QObject):
    def __init__(self, vm, folder: Path) -> None:
        super().__init__(vm)
        self.vm, self.folder = vm, folder
        self._writes = Serial("disk")  # drafts reach the disk one at a time, the last one last
        self._last_write = None
        self._putting_back = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save)
        for name in KEPT:
            getattr(vm, f"{name}_changed").connect(self._changed)
        self.read = run_in_background(lambda: read_draft(folder), self._put_back, self._not_read, self)

    def save(self) -> None:
        """Write the draft now (on the disk executor); a change since then starts the second again."""
        self._timer.stop()
        draft = self._draft()
        folder = self.folder
        self._last_write = self._writes.submit(write_draft, folder, draft)

    def close(self) -> None:
        """At quit: what changed in the last second is written, and the write waited for (briefly)."""
        if self._timer.isActive():
            self.save()
        if self._last_write is not None:
            try:
                self._last_write.result(timeout=WRITE_WAIT_S)
            except Exception:  # noqa: BLE001 - the app is going anyway; the draft before it is still there
                log.warning("the studio's draft was not written before quitting", exc_info=True)

    def _changed(self, *_args) -> None:
        if not self._putting_back:
            self._timer.start()

    def _draft(self) -> StudioDraft:
        vm = self.vm
        return StudioDraft(vm.build_request().replace(batch=int(vm.batch)), bool(vm.random_seed), int(vm.keep_shape))

    def _put_back(self, draft: StudioDraft | None) -> None:
        vm = self.vm
        if draft is None or vm.prompt or vm.current_design is not None:  # nothing kept, or the person began
            return
        request = draft.request
        self._putting_back = True
        try:
            for name in ("prompt", "preset", "negative_prompt", "steps", "guidance", "width", "height", "batch"):
                setattr(vm, name, getattr(request, name))
            vm.scheduler = request.scheduler
            vm.random_seed = draft.random_seed
            if request.seed is not None:
                vm.seed = request.seed
            vm.source = request.source if request.source in ("base", "none") else "base"
            vm.keep_shape = draft.keep_shape
            vm.open_guidance(request)  # the view, repaint, guide and LoRAs, as far as they are installed here
        finally:
            self._putting_back = False

    def _not_read(self, exc: BaseException) -> None:
        log.warning("the studio's draft was not read: %s", exc)
