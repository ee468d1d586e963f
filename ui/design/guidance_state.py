"""The studio's shape and speed choices (issue 18): the view of the SM6 artwork, what is repainted, a loaded sketch or
photo, a ControlNet guide, LoRAs and the few-step defaults of a fast model.

A base of `DesignViewModel` (ui/design/design_vm.py), kept apart so that file stays readable: it uses the VM's
`backend`, `model_id`, `source`, `steps`, `guidance` and `scheduler`. `request_changed` fires whenever anything that
goes into `build_request()` changes (live mode listens to it)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage

from app.errors import UserFacingError
from app.generation.request import MAX_LORAS
from ui.bind import ViewModel, observable
from ui.tasks import run_in_background

log = logging.getLogger(__name__)
PICTURE_THUMB = 192  # the loaded picture's thumbnail, longest side in px (shown at most 96 px high)
PICTURE_UNREADABLE = "unreadable"  # picture_problem when the store failed without words of its own
# Everything build_request() reads: a change of any of them is a new request (live mode follows it).
REQUEST_FIELDS = (
    "prompt", "preset", "negative_prompt", "random_seed", "seed", "steps", "guidance", "width", "height", "batch",
    "scheduler", "source", "keep_shape", "model_id", "view", "mask", "source_picture",
    "control_model", "control_strength", "control_hint", "loras",
)  # fmt: skip


def _store_picture(path: str | None, data: bytes = b"") -> tuple[str, QImage]:
    """On the disk executor: the picture (the file at `path`, else the bytes `data`) kept in the store, decoded with
    its guards there, and a thumbnail of it."""
    from app.generation.pictures import default_store

    store = default_store()
    sha = store.add_file(path) if path is not None else store.add_bytes(data)
    stored = store.path_of(sha)
    image = QImage(str(stored)) if stored is not None else QImage()  # a QImage may be made on any thread
    if not image.isNull():
        image = image.scaled(PICTURE_THUMB, PICTURE_THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    return sha, image


class GuidanceState(ViewModel):
    view = observable("side")  # which SM6 artwork `source="base"` starts from (app/generation/request.py VIEWS)
    mask = observable("none")  # "body": repaint the car; "scene": repaint around it (only with source "base")
    source_picture = observable("")  # sha256 of the loaded sketch or photo in the picture store
    picture_thumb = observable(None)  # QImage of it, or None
    picture_loading = observable(False)
    picture_problem = observable(None)  # why the file could not be used: a Message, or PICTURE_UNREADABLE
    control_model = observable("")  # a ControlNet's id; "" = no guide
    control_strength = observable(1.0)
    control_hint = observable("edges")
    loras = observable(())  # ((LoRA id, weight), ...), applied in this order
    controlnets = observable([])  # ModelInfo of the ControlNets for the chosen model's family
    lora_choices = observable([])  # ModelInfo of the LoRAs for that family
    few_step = observable(None)  # the FewStepDefaults applied for a fast model (or LCM-LoRA), or None

    request_changed = Signal()
    sig_picture_kept = Signal(str)  # a loaded picture or sketch is in the store and in use now (its sha256)

    def _watch_guidance(self) -> None:
        """Called once by the VM's __init__, after its own connections."""
        self._before_few_step: tuple | None = None  # steps, guidance, sampler before a fast model set its own
        for name in REQUEST_FIELDS:
            getattr(self, f"{name}_changed").connect(self._on_request_field)
        # The design shown changes with every finished image: a new request only when refining starts from it.
        self.current_design_changed.connect(lambda _d: self.source == "design" and self.request_changed.emit())
        self.model_id_changed.connect(self.refresh_addons)
        self.loras_changed.connect(self._apply_few_step)
        self.control_model_changed.connect(self._on_control_model)

    def _on_request_field(self, *_args) -> None:
        self.request_changed.emit()

    # ----- what is installed -----
    def refresh_addons(self, *_args) -> None:
        """The ControlNets and LoRAs of the chosen model's family; a choice of another family is let go."""
        model = self.backend.model(self.model_id) if self.model_id else None
        arch = model.arch if model is not None and model.usable else None
        found = {kind: (self.backend.addons(kind, arch) if arch else []) for kind in ("controlnet", "lora")}
        self.controlnets, self.lora_choices = found["controlnet"], found["lora"]
        if self.control_model and all(m.id != self.control_model for m in self.controlnets):
            self.control_model = ""
        kept = tuple(use for use in self.loras if any(m.id == use[0] for m in self.lora_choices))
        if kept != self.loras:
            self.loras = kept
        self._apply_few_step()

    def addon(self, addon_id: str):
        return next((m for m in (*self.controlnets, *self.lora_choices) if m.id == addon_id), None)

    # ----- guide -----
    def _on_control_model(self, control_id: str) -> None:
        model = self.addon(control_id) if control_id else None
        if model is not None:  # its likely input: what it was trained on
            self.control_hint = getattr(model, "hint", "") or "edges"

    # ----- LoRAs -----
    def add_lora(self, lora_id: str, weight: float = 1.0) -> None:
        if len(self.loras) < MAX_LORAS and all(use[0] != lora_id for use in self.loras) and self.addon(lora_id):
            self.loras = (*self.loras, (lora_id, float(weight)))

    def set_lora_weight(self, lora_id: str, weight: float) -> None:
        self.loras = tuple((i, float(weight) if i == lora_id else w) for i, w in self.loras)

    def remove_lora(self, lora_id: str) -> None:
        self.loras = tuple(use for use in self.loras if use[0] != lora_id)

    # ----- few-step models -----
    def _apply_few_step(self, *_args) -> None:
        """A turbo or LCM model (or an LCM-LoRA) runs in a few steps with its own sampler: set them, and put the
        person's own values back when the model is a regular one again."""
        model = self.backend.model(self.model_id) if self.model_id else None
        defaults = None
        if model is not None:
            from app.generation.few_step import defaults_for

            used = [m for m in self.lora_choices if any(use[0] == m.id for use in self.loras)]
            defaults = defaults_for(model, used)
        if defaults == self.few_step:
            return
        if defaults is not None:
            if self.few_step is None:
                self._before_few_step = (self.steps, self.guidance, self.scheduler)
            self.steps, self.guidance, self.scheduler = defaults.steps, defaults.guidance, defaults.scheduler
        elif self._before_few_step is not None:
            self.steps, self.guidance, self.scheduler = self._before_few_step
            self._before_few_step = None
        self.few_step = defaults

    # ----- a sketch or photo -----
    def load_picture(self, path: str | None, data: bytes = b"") -> None:
        """Keep the file in the picture store (off the UI thread) and start from it; a file that is not a usable
        picture says why, and whatever was chosen before stays. With no `path`, the picture is the bytes `data`."""
        self.picture_loading = True
        self.picture_problem = None

        def stored(answer: tuple[str, QImage]) -> None:
            sha, image = answer
            self.picture_loading = False
            self.picture_thumb = None if image.isNull() else image
            self.source_picture = sha
            self.source = "picture"
            self.sig_picture_kept.emit(sha)

        def failed(exc: BaseException) -> None:
            self.picture_loading = False
            if isinstance(exc, UserFacingError):
                self.picture_problem = exc.msg
            else:
                log.warning("storing picture %s failed", path or "bytes", exc_info=exc)
                self.picture_problem = PICTURE_UNREADABLE

        run_in_background(lambda: _store_picture(path, data), stored, failed, self)

    def use_sketch(self, png: bytes) -> None:
        """A drawing made here (the kiosk's sketch pad) as the starting picture, kept like a loaded file."""
        self.load_picture(None, png)

    def open_guidance(self, request) -> None:
        """An earlier design's view, repaint, guide and LoRAs, as far as what it used is installed here."""
        self.view, self.mask = request.view, request.mask
        self.control_model = request.control_model if self.addon(request.control_model) else ""
        self.control_strength, self.control_hint = request.control_strength, request.control_hint
        self.loras = tuple(use for use in request.loras if self.addon(use[0]))

    def guidance_fields(self, source: str) -> dict:
        """The request's guidance fields for `source` (the one build_request() settled on)."""
        control = self.control_model if any(m.id == self.control_model for m in self.controlnets) else ""
        return {
            "view": self.view,
            "mask": self.mask if source == "base" else "none",
            "source_picture": self.source_picture if source == "picture" else "",
            "control_model": control,
            "control_strength": round(float(self.control_strength), 2),
            "control_hint": self.control_hint,
            "loras": tuple(self.loras),
        }
