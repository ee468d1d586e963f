"""A long Verify waits on a thread of its own (`run_long`), so quick work (library pages, thumbnails, the keyring,
publishing) still gets every worker of the shared executors while it runs. Real app, tiny model."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt

from app.executors import WORKERS
from app.generation import events as ev
from tests.app.engine_helpers import quick_request
from tests.ui.studio_helpers import close_app, open_app, settle
from ui.tasks import run_in_background

WAIT_MS = 60_000
# The executors quick work from the window uses (the chain's one worker is busy opening the sandbox at start-up).
SHARED = ("disk", "network")


def _hold_the_generation_worker(backend) -> str:
    """A long job, so the Verify submitted next waits behind it; returns its id once it is denoising."""
    started = threading.Event()
    job_id: list[str] = []

    def listen(event) -> None:
        if isinstance(event, ev.StepProgress) and job_id and event.job.id == job_id[0]:
            started.set()

    backend.subscribe(listen)
    try:
        request = quick_request(steps=150, width=128, height=128, seed=9)
        job_id.append(backend.submit(request, save=False).id)
        assert started.wait(30), "the long job never started"
    finally:
        backend.unsubscribe(listen)
    return job_id[0]


def test_quick_work_gets_every_shared_worker_while_a_verify_runs(qtbot, tiny_sd15, tmp_path):
    app = open_app(qtbot)
    vm = app.design_vm
    vm.width = vm.height = 64
    vm.steps, vm.batch, vm.random_seed, vm.seed, vm.prompt = 3, 1, False, 5, "pearl white"
    vm.generate()
    settle(qtbot, app)
    design = vm.current_design
    app.services.library.save_description(design.id, "en", "A pearl white SM6.")
    app.token_view.set_design(design)
    app.window.show_workspace("token")
    view = app.token_view
    backend = app.services.backend

    qtbot.waitUntil(lambda: view.draft is not None and view.draft.ready, timeout=WAIT_MS)
    assert view.verify_button.isVisible() and view.verify_button.isEnabled()
    blocker = _hold_the_generation_worker(backend)
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(t.name == "sm6-long-verify" for t in threading.enumerate()), timeout=WAIT_MS)

    # Every worker of each shared executor must be free at once: the tasks only end when all of them meet.
    owner = QObject()
    done: list[str] = []
    for name in SHARED:
        meeting = threading.Barrier(WORKERS[name])
        for _ in range(WORKERS[name]):
            run_in_background(
                lambda meeting=meeting: meeting.wait(timeout=10),
                lambda _r, name=name: done.append(name),
                lambda error: done.append(f"failed: {error!r}"),
                owner,
                executor=name,
            )
    expected = sum(WORKERS[name] for name in SHARED)
    qtbot.waitUntil(lambda: len(done) == expected, timeout=WAIT_MS)
    assert not [d for d in done if d.startswith("failed")]
    assert view.verify_button.text() == "Verifying…"  # the Verify was waiting all along

    backend.cancel(blocker)
    qtbot.waitUntil(lambda: view.verify_button.text() == "Verify", timeout=WAIT_MS)
    assert "Verified" in view.notice.message()
    settle(qtbot, app)
    close_app(app)
