"""The Design studio as a person uses it: type, generate, watch the steps, pick, refine, cancel, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.studio_helpers import close_app, open_app, settle


def type_prompt(qtbot, studio, text: str) -> None:
    studio.controls.prompt.setFocus()
    qtbot.keyClicks(studio.controls.prompt, text)


def small_job(vm, batch=2, steps=3):
    vm.width = vm.height = 64
    vm.steps = steps
    vm.batch = batch
    vm.random_seed = False
    vm.seed = 11
    vm.source = "none"


def test_generate_shows_each_step_then_the_variations(qtbot, tiny_sd15, tmp_path):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    assert app.design_page.currentWidget() is studio
    small_job(vm, batch=3, steps=4)
    type_prompt(qtbot, studio, "pearl white, rose-gold trim")
    assert "pearl white, rose-gold trim" in studio.controls.final_prompt.text()  # the final prompt is visible

    previews, statuses = [], []
    vm.preview_changed.connect(lambda img: previews.append(img))
    vm.status_text_changed.connect(statuses.append)
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)

    # Steps are shown at most once a frame: the tiny model makes several a frame, but the last one always shows.
    assert any(s.startswith("Step ") for s in statuses) and "Step 4 of 4 · variation 3 of 3" in statuses
    step_previews = [p for p in previews if p is not None and p.width() == 8]  # latent-sized live previews
    assert 1 <= len(step_previews) <= 3 * 4
    assert studio.variations.list.count() == 3
    assert [d.seed for d in studio.variations.designs()] == [11, 12, 13]
    assert studio.preview.status.text() == "Done · 3 designs saved"
    assert studio.preview.canvas.image().width() == 64
    model = app.services.registry.get(vm.model_id)
    assert len(model.short_hash) == 10 and model.short_hash in studio.controls.model.currentText()
    app.window.grab().save(str(tmp_path / "studio_after_generate.png"))
    close_app(app)


def test_ctrl_enter_generates_and_escape_cancels_within_one_step(qtbot, tiny_sd15):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    small_job(vm, batch=1, steps=150)
    vm.width = vm.height = 128
    type_prompt(qtbot, studio, "night drive")
    qtbot.keyClick(studio.controls.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: vm.status_text.startswith("Step 3"), timeout=60_000)
    cancelled = []
    app.bridge.sig_job_cancelled.connect(cancelled.append)
    qtbot.keyClick(studio.controls.prompt, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=30_000)
    assert cancelled[0].steps_after_cancel <= 1
    settle(qtbot, app)
    assert vm.status_text == "Cancelled" and not vm.busy
    assert app.services.library.count() == 0
    assert studio.controls.prompt.toPlainText() == "night drive"
    close_app(app)


def test_refine_builds_a_lineage_the_user_can_walk_back(qtbot, tiny_sd15):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    small_job(vm, batch=2)
    type_prompt(qtbot, studio, "coastal road")
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    first, second = studio.variations.designs()
    # pick the first variation, then refine it
    item = studio.variations.list.item(0)
    studio.variations.list.itemClicked.emit(item)
    assert vm.current_design.id == first.id
    qtbot.mouseClick(studio.refine, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    refined = studio.variations.designs()
    assert all(d.parent_id == first.id for d in refined)
    assert [d.id for d in studio.history.designs()] == [first.id, refined[-1].id]
    # walk back: clicking the root in the lineage shows it again
    studio.history.list.itemClicked.emit(studio.history.list.item(0))
    assert vm.current_design.id == first.id
    close_app(app)


def test_favourite_and_history_survive_a_restart(qtbot, tiny_sd15):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    small_job(vm, batch=2)
    type_prompt(qtbot, studio, "hanok courtyard")
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    qtbot.mouseClick(studio.favourite, Qt.MouseButton.LeftButton)
    favourite_id = vm.current_design.id
    ids = {d.id for d in studio.variations.designs()}
    close_app(app)

    again = open_app(qtbot)  # a new window on the same data folder
    library = again.services.library
    assert {d.id for d in library.list()} == ids
    assert [d.id for d in library.list(favourites_only=True)] == [favourite_id]
    view = again.library_view
    if hasattr(view, "select_design"):
        again.window.show_workspace("library")
        view.sig_open_in_studio.emit(library.get(favourite_id))
        assert again.window.current_workspace() == "design"
        assert again.design_vm.current_design.id == favourite_id
        assert again.studio.controls.prompt.toPlainText() == "hanok courtyard"
    close_app(again)


def test_bad_input_shows_a_clear_message_and_keeps_what_was_typed(qtbot, tiny_sd15):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    assert studio.error.isVisible() and "prompt is empty" in studio.error.message()
    type_prompt(qtbot, studio, "gold wheels")
    vm.width = 500
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    assert "multiple of 8" in studio.error.message() and "496" in studio.error.message()
    assert studio.controls.prompt.toPlainText() == "gold wheels"
    assert app.services.engine.jobs() == []
    close_app(app)


def test_without_a_model_the_studio_explains_where_models_come_from(qtbot, models_dir, tmp_path):
    app = open_app(qtbot)
    assert app.design_page.currentWidget() is app.first_run
    assert app.window.status_texts()[0] == "No model"
    app.window.grab().save(str(tmp_path / "first_run.png"))
    close_app(app)


def test_a_large_random_seed_is_shown_and_can_be_pinned(qtbot, tiny_sd15, monkeypatch):
    import secrets

    monkeypatch.setattr(secrets, "randbelow", lambda _n: 4_000_000_000)  # above Qt's 32-bit spin box limit
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    small_job(vm, batch=1)
    vm.random_seed = True
    type_prompt(qtbot, studio, "seed check")
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    assert studio.controls.seed.text() == "4000000000"
    assert vm.current_design.seed == 4_000_000_000
    close_app(app)


def test_the_queue_shows_each_job_and_cancels_one(qtbot, tiny_sd15):
    app = open_app(qtbot)
    studio, vm = app.studio, app.design_vm
    small_job(vm, batch=1, steps=40)
    vm.width = vm.height = 128
    type_prompt(qtbot, studio, "first")
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: studio.generate.text() == "Add to queue")
    vm.prompt = "second"
    qtbot.mouseClick(studio.generate, Qt.MouseButton.LeftButton)
    queue = studio.controls.queue
    qtbot.waitUntil(lambda: len(queue.job_ids()) == 2)
    assert queue.isVisible() and queue.title.text() == "Queue · 2"
    second_id = queue.job_ids()[1]
    row = queue._rows[second_id]
    assert row.title.text() == "second" and row.state.text().startswith("Waiting")
    qtbot.mouseClick(row.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second_id not in queue.job_ids())
    vm.cancel_current()
    settle(qtbot, app)
    assert not queue.isVisible() and app.services.library.count() == 0
    close_app(app)


def test_the_loading_line_clears_once_the_model_has_loaded(qtbot, tiny_sd15):
    app = open_app(qtbot)
    loading = []
    app.design_vm.status_text_changed.connect(loading.append)
    with qtbot.waitSignal(app.bridge.sig_model_loaded, timeout=60_000):
        app.services.backend.preload(app.design_vm.model_id)  # as the window does after its first paint
    assert any(text.startswith("Loading tiny-sd15") for text in loading)
    assert app.studio.preview.status.text() == "Ready" and app.window.status_texts()[-1] == "Ready"
    close_app(app)


def test_the_status_bar_says_the_unet_compiles_in_the_background_and_ready_once_done(qtbot, tiny_sd15, monkeypatch):
    """With "Compile for this graphics card" on (CUDA compiles with Inductor; here torch.compile's eager backend,
    held back until the test lets it go): the design is made meanwhile, and the status bar says why it is busy."""
    import threading

    import torch

    from app.config import Settings, save_settings
    from app.generation import compiled_unet, pipelines
    from app.generation.settings import GenerationSettings

    hold = threading.Event()

    def held(graph, _inputs):
        hold.wait(60)
        return graph.forward

    placed = pipelines._place

    def place(pipe, options):
        device = placed(pipe, options)
        compiled_unet.install(pipe.unet, lambda f: torch.compile(f, backend=held, fullgraph=True, dynamic=False))
        return device

    monkeypatch.setattr(pipelines, "_place", place)
    save_settings(Settings(generation=GenerationSettings(compile_unet=True)))
    app = open_app(qtbot)
    try:
        small_job(app.design_vm, batch=1)
        type_prompt(qtbot, app.studio, "pearl white")
        qtbot.mouseClick(app.studio.generate, Qt.MouseButton.LeftButton)
        settle(qtbot, app)
        assert app.services.library.count() == 1  # made while the compile was held back
        qtbot.waitUntil(lambda: app.window.status_texts()[-1] == "Compiling for the graphics card…", timeout=30_000)
        hold.set()
        qtbot.waitUntil(lambda: app.window.status_texts()[-1] == "Ready", timeout=60_000)
    finally:
        hold.set()
        close_app(app)
