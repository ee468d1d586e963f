"""The controller's side of where designs are generated: a saved change of place or token switches the backend
(app/generation/switching.py), Settings → Generation says when a waiting switch applies, and once it has
(BackendChanged) the studio offers the new place's models and loads the chosen one.

A mixin of `ui.app_controller.AppController` (the composition root), kept apart so that file stays readable; it
uses the controller's services, settings page section, design view-model and `refresh_models` (ModelWiring)."""

from __future__ import annotations

from shiboken6 import isValid

from ui.tasks import run_in_background


class PlaceWiring:
    _place_section = None  # Settings → Generation's section, once the Settings page is made

    def _follow_place(self) -> None:
        if self.services is not None:
            self.services.follow_generation_place()  # nothing happens when the place did not change
            self._say_place_waits()

    def _say_place_waits(self) -> None:
        """Settings → Generation says when a new place applies: once the design being made now is finished."""
        section = self._place_section
        if section is not None and isValid(section) and self.services is not None:
            section.show_waiting(bool(getattr(self.services.backend, "switch_waiting", False)))

    def follow_new_place(self) -> None:
        """Generation moved (BackendChanged): the new place's models are asked for off the UI thread (a server's
        come over the network), then offered."""
        self._say_place_waits()
        done = self._on_place_changed
        run_in_background(self.services.backend.models, done, done, self, "network")

    def _on_place_changed(self, _answer=None) -> None:
        if self.services is not None:
            self.refresh_models()
            if self._started and any(m.usable for m in self.services.backend.models()):
                self.services.backend.preload(self.design_vm.model_id)
