"""Wires the core services to the window: workspaces, status bar, and the moves between workspaces."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from app.config import Settings
from app.errors import StorageError
from app.generation import events as ev
from app.services import Services, open_services
from ui.design.design_vm import DesignViewModel
from ui.design.studio_view import StudioView
from ui.engine_bridge import EngineBridge
from ui.main_window import MainWindow
from ui.placeholder_view import PlaceholderView
from ui.widgets.empty_state import EmptyState

log = logging.getLogger(__name__)


class AppController(QObject):
    def __init__(self, settings: Settings, kiosk: bool = False, services: Services | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.kiosk = kiosk
        self.window = MainWindow()
        self.services: Services | None = None
        try:
            self.services = services or open_services(settings=settings)
        except StorageError as exc:
            self._show_storage_error(exc)
            return
        self._build_workspaces()
        self._connect_status()
        self.refresh_models()

    # ----- construction -----
    def _build_workspaces(self) -> None:
        services = self.services
        self.bridge = EngineBridge(services.engine, self)
        self.design_vm = DesignViewModel(self.bridge, services.library, services.engine.presets, self)
        self.studio = StudioView(self.design_vm)
        self.design_page = QStackedWidget()
        self.first_run = self._make_first_run()
        self.design_page.addWidget(self.first_run)
        self.design_page.addWidget(self.studio)
        self.library_view = self._make_library_view()
        w = self.window
        w.add_workspace("design", self.design_page, "Design", "design")
        for key, title in (("describe", "Describe"), ("token", "Token"), ("wallet", "Wallet")):
            w.add_workspace(key, PlaceholderView.for_workspace(key), title, key)
        w.add_workspace("library", self.library_view, "Library", "library")
        self.design_vm.sig_use_design.connect(self._on_use_design)
        self.design_vm.sig_design_saved.connect(self._on_design_saved)
        self.design_vm.sig_design_changed.connect(self._on_design_changed)

    def _make_first_run(self):
        view = EmptyState("model", "No model yet",
                          "Import a Stable Diffusion model (.safetensors), or try the demo model to walk through "
                          "the whole flow first.", "Try the demo model")
        view.sig_primary_clicked.connect(self.install_demo_model)
        return view

    def _make_library_view(self):
        try:
            from ui.library.library_view import LibraryView
        except ImportError:
            return PlaceholderView("Library", "library", "Every design you make appears here.")
        view = LibraryView(self.services.library)
        view.sig_open_in_studio.connect(self._on_open_in_studio)
        view.sig_design_changed.connect(self._on_library_design_changed)
        if hasattr(view, "sig_go_to_design"):
            view.sig_go_to_design.connect(lambda: self.window.show_workspace("design"))
        return view

    def _show_storage_error(self, exc: StorageError) -> None:
        page = EmptyState("error", "Your data folder cannot be used", exc.message, "Quit")
        page.sig_primary_clicked.connect(self.window.close)
        self.window.add_workspace("design", page, "Design", "design")

    def _connect_status(self) -> None:
        self.bridge.sig_event.connect(self._on_engine_event)

    # ----- models -----
    def refresh_models(self) -> None:
        services = self.services
        usable = services.registry.usable()
        current = self.design_vm.model_id or self.settings.generation.model_id
        self.studio.controls.set_models(usable, current)
        self.design_page.setCurrentWidget(self.studio if usable else self.first_run)
        if usable:
            model = services.registry.get(self.design_vm.model_id) or usable[0]
            self.window.set_model(model.label)
            if model.is_demo:
                self.design_vm.width = self.design_vm.height = 256
                self.design_vm.steps = 12
        else:
            self.window.set_model("No model")

    def install_demo_model(self) -> None:
        from app.generation.demo_model import install_demo_model

        self.window.set_busy(True, "Building the demo model…")
        install_demo_model()  # TODO(issue 2): move off the UI thread with the first-run view's busy state
        self.services.registry.scan()
        self.window.set_busy(False)
        self.refresh_models()

    # ----- background work -----
    def start_background_work(self) -> None:
        if self.services and self.services.registry.usable():
            self.services.engine.preload(self.design_vm.model_id)

    def shutdown(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None

    # ----- events -----
    def _on_engine_event(self, event) -> None:
        w = self.window
        if isinstance(event, ev.ModelLoading):
            w.set_busy(True, "Loading model…" if event.stage == "loading" else "Checking model…")
        elif isinstance(event, ev.ModelLoaded):
            w.set_model(event.label)
            w.set_device(event.device_label)
            if not self.services.engine.jobs():
                w.set_busy(False)
        elif isinstance(event, (ev.JobStarted, ev.StepProgress)):
            w.set_busy(True, "Generating…")
        elif isinstance(event, (ev.JobFinished, ev.JobCancelled, ev.JobFailed)):
            if not self.services.engine.jobs():
                w.set_busy(False)

    def _on_design_saved(self, design) -> None:
        if hasattr(self.library_view, "add_design"):
            self.library_view.add_design(design)

    def _on_design_changed(self, design) -> None:
        if hasattr(self.library_view, "update_design"):
            self.library_view.update_design(design)

    def _on_library_design_changed(self, design) -> None:
        current = self.design_vm.current_design
        if current is not None and current.id == design.id:
            self.design_vm.show_design(design)

    def _on_open_in_studio(self, design) -> None:
        self.design_vm.open_design(design)
        self.window.show_workspace("design")

    def _on_use_design(self, design) -> None:
        self.window.show_workspace("describe")
