"""GeneratedImage's PNG made on first use: the same bytes whoever reads first, made once."""

from __future__ import annotations

import threading

from app.generation.generated import GeneratedImage, LazyPng
from app.generation.request import GenerationRequest


def image(png) -> GeneratedImage:
    return GeneratedImage(
        png=png, request=GenerationRequest(prompt="pearl white SM6"), seed=1, index=0, prompt_final="pearl white SM6",
        negative_final="", model_name="tiny", model_hash="ab" * 32, device="CPU",
    )  # fmt: skip


def test_the_png_is_encoded_once_on_first_read_even_by_two_threads_at_once():
    started, release, calls = threading.Event(), threading.Event(), []

    def encode() -> bytes:
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(5)  # the second reader arrives while the first is still encoding
        return b"\x89PNG the frame"

    frame = image(LazyPng(encode))
    assert not frame.png_encoded and calls == []  # handing the frame on made nothing
    got: list[bytes] = []
    first = threading.Thread(target=lambda: got.append(frame.png), name="hand-off")
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=lambda: got.append(frame.png), name="ui")
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert got == [b"\x89PNG the frame"] * 2 and calls == ["hand-off"] and frame.png_encoded
    assert frame.png is frame.png  # kept, not made again


def test_bytes_given_at_once_read_back_as_they_were():
    frame = image(b"\x89PNG kept")
    assert frame.png == b"\x89PNG kept" and frame.png_encoded
    assert frame == image(LazyPng(lambda: b"\x89PNG kept"))  # equal by content, however the bytes came
