"""Opening the real application controller on the test's own folders, with the tiny model installed."""

from __future__ import annotations

import weakref
from contextlib import contextmanager

from app.config import load_settings
from ui.app_controller import AppController

OPEN: list[AppController] = []  # closed after each test by the conftest, even when the test failed


class JobWatch:
    """The jobs whose last event (finished, cancelled, failed) has reached the UI thread, as the widgets saw it."""

    def __init__(self, bridge) -> None:
        self.bridge = bridge
        self.ended: set[str] = set()
        for signal in (bridge.sig_job_finished, bridge.sig_job_cancelled, bridge.sig_job_failed):
            signal.connect(self._on_ended)  # a plain object, not a widget: nothing is kept alive by this

    def _on_ended(self, event) -> None:
        self.ended.add(event.job.id)


_WATCHES: weakref.WeakKeyDictionary[AppController, JobWatch] = weakref.WeakKeyDictionary()
_GIVEN: weakref.WeakKeyDictionary[AppController, object] = weakref.WeakKeyDictionary()  # the window pytest-qt has


def open_app(qtbot, size=(1280, 800), policy=None) -> AppController:
    controller = AppController(load_settings(), policy=policy) if policy is not None else AppController(load_settings())
    OPEN.append(controller)
    if getattr(controller, "bridge", None) is not None:  # None: the data folder could not be opened
        _WATCHES[controller] = JobWatch(controller.bridge)
    qtbot.addWidget(controller.window)
    _GIVEN[controller] = controller.window
    controller.window.resize(*size)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller


def close_app(controller: AppController) -> None:
    controller.shutdown()
    controller.window.close()
    # The controller may have replaced the window it was opened with (a data folder chosen after a failed start),
    # and pytest-qt deletes only the one it was given. That one is left to pytest-qt: deleted here, a wait later in
    # the test would free it while Python still holds it, and pytest-qt's teardown would close a window that is gone.
    if controller.window is not _GIVEN.get(controller):
        controller.window.deleteLater()
    if controller in OPEN:
        OPEN.remove(controller)


def settle(qtbot, controller: AppController, timeout: int = 120_000) -> None:
    """Wait until every job has ended and its last event has reached the widgets.

    The backend marks a job finished before its JobFinished crosses to the UI thread, so "no jobs left" alone
    returns while the widgets still show the job running; the event itself is what the person sees.
    """
    backend, vm = controller.services.backend, controller.design_vm
    watch = _WATCHES[controller]
    assert watch.bridge is controller.bridge, "settle() follows the bridge open_app() saw"

    def settled() -> bool:
        jobs = backend.jobs(include_finished=True)
        ended = all(job.state.finished and job.id in watch.ended for job in jobs) and not vm.busy
        return ended and not vm.reading  # the last design's picture and lineage are read off the UI thread

    qtbot.waitUntil(settled, timeout=timeout)


@contextmanager
def studio_on(qtbot, tmp_path, backend):
    """The real Design studio on `backend`, whose images the real saver keeps in a real library: yields (view, vm,
    library) set to make two small variations from seed 5 with no starting picture; all of it closed after."""
    from app.library.saver import LibrarySaver
    from app.library.store import Library
    from ui.design.design_vm import DesignViewModel
    from ui.design.studio_view import StudioView
    from ui.engine_bridge import EngineBridge

    library = Library.open(tmp_path / "data")
    LibrarySaver(library).attach(backend)
    bridge = EngineBridge(backend)
    vm = DesignViewModel(bridge, library)
    view = StudioView(vm)
    qtbot.addWidget(view)
    view.resize(1192, 760)
    view.show()
    qtbot.waitExposed(view)
    vm.width = vm.height = 64
    vm.batch, vm.random_seed, vm.seed, vm.source = 2, False, 5, "none"
    try:
        yield view, vm, library
    finally:
        bridge.close()
        backend.shutdown()
        library.close()
