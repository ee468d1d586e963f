"""The controller's model moves: which models the studio offers, choosing one, Import model…, the demo model.

A mixin of `ui.app_controller.AppController` (the composition root), kept apart so that file stays readable; it
uses the controller's services, studio, first-run view, design view-model and window."""

from __future__ import annotations

from dataclasses import replace

from app.errors import UserFacingError
from ui.dialog_lifetime import free_when_closed
from ui.i18n import translate
from ui.models.import_dialog import ImportModelDialog
from ui.tasks import run_in_background


class ModelWiring:
    def refresh_models(self) -> None:
        backend = self.services.backend
        models = backend.models()
        usable = [m for m in models if m.usable]
        self.studio.controls.set_models(models, self.design_vm.model_id or self.settings.generation.model_id)
        self.first_run.set_unusable(models)
        self.design_page.setCurrentWidget(self.studio if usable else self.first_run)
        self._show_model(backend.model(self.design_vm.model_id))

    def _show_model(self, model) -> None:
        self.window.set_model(model.label if model else None)
        if model is not None and model.is_demo and self.design_vm.width > 256:
            # The demo model is small: sensible defaults keep it quick on any CPU.
            self.design_vm.width = self.design_vm.height = 256
            self.design_vm.steps = 12

    def _on_model_chosen(self, model_id: str) -> None:
        self._show_model(self.services.backend.model(model_id))
        settings = self.services.settings
        if model_id and model_id != settings.generation.model_id:
            self._save_settings(replace(settings, generation=replace(settings.generation, model_id=model_id)))
        if model_id and self._started:
            self.services.backend.preload(model_id)

    def rescan_models(self) -> None:
        self.services.backend.refresh_models()
        self.refresh_models()

    def open_import_dialog(self) -> None:
        dialog = free_when_closed(ImportModelDialog(self.window))
        dialog.sig_imported.connect(self._on_model_imported)
        self.import_dialog = dialog
        dialog.open()

    def _on_model_imported(self, path) -> None:
        models = self.services.backend.refresh_models()
        imported = next((m for m in models if m.usable and m.path == path), None)
        if imported is not None:
            self.design_vm.model_id = imported.id
        self.refresh_models()

    def install_demo_model(self) -> None:
        from app.generation.demo_model import install_demo_model

        self.first_run.set_busy(lambda: translate("AppController", "Building the demo model on this computer…"))
        self.window.set_busy(True, lambda: translate("AppController", "Building the demo model…"))
        run_in_background(install_demo_model, self._on_demo_ready, self._on_demo_failed, self)

    def _on_demo_ready(self, _path) -> None:
        self.first_run.set_busy(None)
        self.window.set_busy(False)
        models = self.services.backend.refresh_models()
        demo = next((m for m in models if m.usable and m.is_demo), None)
        if demo is not None:
            self.design_vm.model_id = demo.id
        self.refresh_models()

    def _on_demo_failed(self, error: BaseException) -> None:
        self.first_run.set_busy(None)
        self.window.set_busy(False)
        fallback = lambda: translate("AppController", "The demo model could not be built. Try again.")  # noqa: E731
        self.first_run.show_error(error.msg if isinstance(error, UserFacingError) else fallback)  # said again live
