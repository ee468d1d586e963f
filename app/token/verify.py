"""Verify: regenerate a token's image from its metadata and compare with the published image.

Pixel-exact is the claim on the same device (same torch build and device); across devices floating point differs
a little, so a perceptual hash decides whether it is the same picture, and the result says which test was used.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from PIL import Image

from app.errors import UserFacingError
from app.generation import events as ev
from app.generation.pictures import default_store
from app.generation.request import GenerationRequest
from app.messages import Message, Msg, as_message
from app.token import messages as msgs
from app.token.metadata import regeneration_request

CONTROLNET_MISSING = Msg(
    "token.controlnet_missing",
    "The ControlNet “{name}” used for this design is not installed. Install it, then verify again.",
)
LORA_MISSING = Msg(
    "token.lora_missing", "The LoRA “{name}” used for this design is not installed. Install it, then verify again."
)
PICTURE_MISSING = Msg(
    "token.picture_missing",
    "The sketch or photo this design started from is not in this computer's picture folder, so the design cannot "
    "be regenerated here.",
)

Verdict = Literal["exact", "similar", "different"]
SIMILAR_BITS = 10  # of 64 dHash bits: re-encodes and device noise stay well under; another design lands near 32


@dataclass(frozen=True)
class VerifyResult:
    verdict: Verdict
    distance: int  # differing dHash bits (0 for exact)
    compared: str  # "pixels" or "perceptual hash"
    message: str | Message  # given as a Message; kept as its sentence, with the Message (id, params) in `msg`
    msg: Message = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        msg = as_message(self.message)
        object.__setattr__(self, "msg", msg)
        object.__setattr__(self, "message", msg.render())


def dhash(image: Image.Image, size: int = 8) -> int:
    """Difference hash: a 64-bit fingerprint of the picture's brightness gradients."""
    small = np.asarray(image.convert("L").resize((size + 1, size), Image.LANCZOS), dtype=np.int16)
    bits = (small[:, 1:] > small[:, :-1]).flatten()
    return int("".join("1" if b else "0" for b in bits), 2)


def compare(original: Image.Image, regenerated: Image.Image, same_device: bool) -> VerifyResult:
    a, b = np.asarray(original.convert("RGB")), np.asarray(regenerated.convert("RGB"))
    if same_device and a.shape == b.shape and np.array_equal(a, b):
        return VerifyResult("exact", 0, "pixels", msgs.VERIFY_EXACT())
    distance = bin(dhash(original) ^ dhash(regenerated)).count("1")
    if distance <= SIMILAR_BITS:
        similar = msgs.VERIFY_SIMILAR if same_device else msgs.VERIFY_SIMILAR_OTHER_DEVICE
        return VerifyResult("similar", distance, "perceptual hash", similar(distance=distance))
    return VerifyResult("different", distance, "perceptual hash", msgs.VERIFY_DIFFERENT(distance=distance))


def local_request(backend, metadata: dict) -> GenerationRequest:
    """The token's request with this machine's own ids: the model, the ControlNet and each LoRA found by content
    hash, the loaded picture in the picture store. UserFacingError naming the first thing that is not here."""
    request = regeneration_request(metadata)
    generation = metadata["properties"]["generation"]
    wanted_hash = generation.get("model_sha256", "")
    model = backend.model_with_hash(wanted_hash) if isinstance(wanted_hash, str) and wanted_hash else None
    if model is None:
        raise UserFacingError(msgs.MODEL_MISSING(model=_name(generation.get("model_name"), request.model_id)))
    changes: dict = {"model_id": model.id, "decoder": request.decoder or "vae"}  # before TAESD, the VAE decoded
    control = generation.get("control")
    if request.control_model:
        name = _name(control.get("name"), request.control_model)
        found = _addon(backend, control.get("sha256"), "controlnet", request.control_model)
        if found is None:
            raise UserFacingError(CONTROLNET_MISSING(name=name))
        changes["control_model"] = found.id
    loras = []
    for (lora_id, weight), made in zip(request.loras, generation.get("loras") or [], strict=False):
        found = _addon(backend, made.get("sha256"), "lora", lora_id)
        if found is None:
            raise UserFacingError(LORA_MISSING(name=_name(made.get("name"), lora_id)))
        loras.append((found.id, weight))
    changes["loras"] = tuple(loras)
    if request.source == "picture" and default_store().path_of(request.source_picture) is None:
        raise UserFacingError(PICTURE_MISSING())
    return request.replace(**changes)


def _addon(backend, sha256, kind: str, wanted_id: str):
    """The installed ControlNet or LoRA with this content hash; by its id only when the token recorded no hash."""
    if isinstance(sha256, str) and sha256:
        return backend.model_with_hash(sha256.lower(), kind=kind)
    found = backend.model(wanted_id)
    return found if found is not None and found.usable and getattr(found, "kind", "") == kind else None


def _name(recorded, fallback: str) -> str:
    text = recorded if isinstance(recorded, str) and recorded.strip() else fallback or "?"
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:80]


def missing_part(backend, metadata: dict):
    """Why this token cannot be regenerated here (a Message naming what to install), or None when it can."""
    try:
        local_request(backend, metadata)
    except UserFacingError as exc:
        return exc.msg
    return None


def verify(backend, metadata: dict, image_bytes: bytes, timeout_s: float = 3600.0) -> VerifyResult:
    """Regenerate through a GenerationBackend (nothing is added to the library) and compare. Blocks: call off the
    UI thread (finding the model may hash model files, and generating takes as long as it takes)."""
    generation = metadata.get("properties", {}).get("generation", {})
    request = local_request(backend, metadata)
    done = threading.Event()
    outcome: dict = {}

    def listen(event) -> None:
        if isinstance(event, (ev.JobFinished, ev.JobFailed, ev.JobCancelled)) and event.job.id == outcome.get("id"):
            outcome["event"] = event
            done.set()

    backend.subscribe(listen)
    try:
        outcome["id"] = backend.submit(request, save=False).id
        if not done.wait(timeout_s):
            backend.cancel(outcome["id"])
            raise UserFacingError(msgs.TIMED_OUT())
    finally:
        backend.unsubscribe(listen)
    event = outcome["event"]
    if not isinstance(event, ev.JobFinished):
        failed = isinstance(event, ev.JobFailed)
        raise UserFacingError(event.msg if failed else msgs.VERIFY_CANCELLED(), event.details if failed else "")
    original = Image.open(io.BytesIO(image_bytes))
    # The device the image was regenerated on (a generation server's, for a kiosk that uses one), not where jobs go.
    same_device = generation.get("device", "") == (event.images[0].device or backend.device_label())
    return compare(original, event.images[0].image(), same_device)
