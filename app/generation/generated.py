"""What a backend hands on for each finished image: the PNG as it will be kept, and its full provenance.

The PNG already carries its metadata (A1111 parameters, our request and details, the AI-made XMP mark), so a
remote server can send the same bytes a local run makes, and whoever keeps the image (the library's saver) needs
nothing from generation but this record.

A local run may hand over a `LazyPng` instead of the bytes: a live frame is shown from its pixels and mostly never
kept, and encoding a PNG it throws away cost about 20 ms of a 60–80 ms frame at 256². Reading `.png` encodes it
once: the same bytes an eager encode gives.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from app.generation.request import GenerationRequest


class LazyPng:
    """The PNG's bytes made on first use by `encode` (kept, and made once even when two threads ask at once)."""

    def __init__(self, encode: Callable[[], bytes]) -> None:
        self._encode: Callable[[], bytes] | None = encode
        self._bytes: bytes | None = None
        self._lock = threading.Lock()

    @property
    def encoded(self) -> bool:
        return self._bytes is not None

    def bytes(self) -> bytes:
        if self._bytes is None:
            with self._lock:
                if self._bytes is None:
                    self._bytes = self._encode()
                    self._encode = None  # lets go of what it encoded from
        return self._bytes


class _PngField:
    """GeneratedImage.png: a dataclass field given bytes or a LazyPng, always read as bytes (a data descriptor, so
    the frozen dataclass's __init__ stores through it and every caller keeps reading `image.png`)."""

    def __set_name__(self, owner, name: str) -> None:
        self._slot = "_" + name

    def __get__(self, obj, owner=None) -> bytes:
        if obj is None:
            raise AttributeError("png")  # no default: the dataclass keeps the field required
        value = obj.__dict__[self._slot]
        return value.bytes() if isinstance(value, LazyPng) else value

    def __set__(self, obj, value: "bytes | LazyPng") -> None:
        obj.__dict__[self._slot] = value


@dataclass(frozen=True)
class GeneratedImage:
    png: bytes = _PngField()  # the PNG file exactly as it is to be kept, metadata chunks included (given a LazyPng:
    # encoded on first read)
    request: GenerationRequest  # the job's request; its seed is the batch's first seed
    seed: int  # this image's own seed
    index: int  # which variation of the job, 0-based
    prompt_final: str
    negative_final: str
    model_name: str
    model_hash: str
    device: str
    parent_id: str | None = None  # the design it was refined from
    seconds: float = 0.0  # denoising and decoding time
    pixels: Any = field(default=None, repr=False, compare=False)  # the PIL image when the backend has it

    @property
    def png_encoded(self) -> bool:
        """Whether the PNG's bytes exist yet (a live frame's are made only when it is kept)."""
        value = self.__dict__["_png"]
        return not isinstance(value, LazyPng) or value.encoded

    def image(self):
        """The picture as a PIL image (decoded from the PNG when the backend sent only bytes)."""
        if self.pixels is not None:
            return self.pixels
        from PIL import Image

        with Image.open(io.BytesIO(self.png)) as img:
            return img.convert("RGB")


# Keeps an image where it belongs (the library) and returns what to announce in ImageReady (the saved Design).
# Called on the backend's hand-off thread, one image at a time in the order they were made; raising fails the job
# with the error's message (a UserFacingError says where the image was kept instead).
ImageSink = Callable[[GeneratedImage], Any]
