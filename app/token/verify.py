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
from app.messages import Message, as_message
from app.token import messages as msgs
from app.token.metadata import regeneration_request

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


def verify(backend, metadata: dict, image_bytes: bytes, timeout_s: float = 3600.0) -> VerifyResult:
    """Regenerate through a GenerationBackend (nothing is added to the library) and compare. Blocks: call off the
    UI thread (finding the model may hash model files, and generating takes as long as it takes)."""
    generation = metadata.get("properties", {}).get("generation", {})
    request = regeneration_request(metadata)
    wanted_hash = generation.get("model_sha256", "")
    model = backend.model_with_hash(wanted_hash) if wanted_hash else None
    if model is None:
        raise UserFacingError(msgs.MODEL_MISSING(model=generation.get("model", "unknown")))
    done = threading.Event()
    outcome: dict = {}

    def listen(event) -> None:
        if isinstance(event, (ev.JobFinished, ev.JobFailed, ev.JobCancelled)) and event.job.id == outcome.get("id"):
            outcome["event"] = event
            done.set()

    backend.subscribe(listen)
    try:
        outcome["id"] = backend.submit(request.replace(model_id=model.id), save=False).id
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
    same_device = generation.get("device", "") == backend.device_label()
    return compare(original, event.images[0].image(), same_device)
