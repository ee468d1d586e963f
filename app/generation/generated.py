"""What a backend hands on for each finished image: the PNG as it will be kept, and its full provenance.

The PNG already carries its metadata (A1111 parameters, our request and details, the AI-made XMP mark), so a
remote server can send the same bytes a local run makes, and whoever keeps the image (the library's saver) needs
nothing from generation but this record.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Callable

from app.generation.request import GenerationRequest


@dataclass(frozen=True)
class GeneratedImage:
    png: bytes  # the PNG file exactly as it is to be kept, metadata chunks included
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
