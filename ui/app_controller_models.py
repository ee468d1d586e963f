"""The controller's model moves: which models the studio offers, choosing one, Import model…, the demo model.

A mixin of `ui.app_controller.AppController` (the composition root), kept apart so that file stays readable; it
uses the controller's services, studio, first-run view, design view-model and window."""

from __future__ import annotations

from dataclasses import replace

from app.errors import UserFacingError
from ui.dialog_lifetime import LastDialog, free_when_closed
from ui.i18n import translate
from ui.models.import_dialog import ImportModelDialog
from ui.models.models_dialog import ModelsDialog
from ui.tasks import run_in_background


class ModelWiring:
    models_dialog = LastDialog()  # None once closed and freed

    def wire_models_entry_points(self) -> None:
        """Models… from the studio's Advanced model row and its "see Models" line. A kiosk sees no Advanced settings
        and installs nothing, so it gets no way there (Settings, the third way, is staff-only: `settings_page`)."""
        if not self.policy.may_see_advanced:
            return
        controls = self.studio.controls
        controls.manage_models.clicked.connect(self.open_models_dialog)
        controls.guide_missing.linkActivated.connect(lambda _link: self.open_models_dialog())

    def refresh_models(self) -> None:
        backend = self.services.backend
        models = backend.models()
        usable = [m for m in models if m.usable]
        self.studio.controls.set_models(models, self.design_vm.model_id or self.settings.generation.model_id)
        self.first_run.set_unusable(models)
        self.design_page.setCurrentWidget(self.studio if usable else self.first_run)
        self._show_model(backend.model(self.design_vm.model_id))
        dialog = self.models_dialog
        if dialog is not None and dialog.isVisible():
            dialog.set_models(self._every_model())

    def _every_model(self) -> list:
        """Checkpoints (and every file that cannot be used), then the usable ControlNets and LoRAs."""
        backend = self.services.backend
        return [*backend.models(), *backend.addons("controlnet"), *backend.addons("lora")]

    def open_models_dialog(self) -> None:
        """Models…: every installed model, ControlNet and LoRA, with Import model… and Check again."""
        if self.models_dialog is not None and self.models_dialog.isVisible():  # asked again: the open one comes up
            self.models_dialog.raise_()
            self.models_dialog.activateWindow()
            return
        dialog = free_when_closed(ModelsDialog(self.window, may_use_files=self.policy.may_use_files))
        dialog.sig_import_requested.connect(self.open_import_dialog)
        dialog.sig_rescan_requested.connect(self.rescan_models)
        dialog.set_models(self._every_model())
        self.models_dialog = dialog
        dialog.open()

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
