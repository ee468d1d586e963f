"""PNG files carry their own provenance, readable by our app, by A1111-style tools and by XMP readers."""

from __future__ import annotations

import io
import json
import tracemalloc
import zlib
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image

from app.generation import pngmeta
from app.generation.pngmeta import TRAINED_ALGORITHMIC_MEDIA, a1111_parameters, encode_png, read_png_metadata
from app.generation.request import GenerationRequest

# as any JSON carrier gives it back (the LoRA list a list, not the request's tuple)
REQUEST = json.loads(GenerationRequest(prompt="chrome SM6 at sunset", seed=123, negative_prompt="blurry").to_json())
META = {"model_hash": "abcd123456ffff", "device": "cuda:0", "seed": 123, "parent_id": None}


def image(seed: int = 0) -> Image.Image:
    pixels = np.random.default_rng(seed).integers(0, 256, (32, 48, 3), dtype=np.uint8)
    return Image.fromarray(pixels, "RGB")


def params(positive: str = "chrome SM6 at sunset", **kw) -> str:
    base = dict(
        positive=positive,
        negative="blurry, lowres",
        steps=25,
        sampler="dpmpp_2m",
        cfg=7.0,
        seed=123,
        width=512,
        height=512,
        model_name="sm6-base",
        model_hash="abcd123456ffff0000",
    )
    return a1111_parameters(**{**base, **kw})


def test_a1111_text_matches_the_exact_format():
    assert params() == (
        "chrome SM6 at sunset\n"
        "Negative prompt: blurry, lowres\n"
        "Steps: 25, Sampler: DPM++ 2M, CFG scale: 7, Seed: 123, Size: 512x512, "
        "Model hash: abcd123456, Model: sm6-base"
    )
    img2img = params(sampler="euler_a", cfg=7.5, width=768, height=512, denoise=0.6)
    assert img2img.splitlines()[-1] == (
        "Steps: 25, Sampler: Euler a, CFG scale: 7.5, Seed: 123, Size: 768x512, "
        "Model hash: abcd123456, Model: sm6-base, Denoising strength: 0.6"
    )


def test_a1111_text_names_the_controlnet_and_the_lora_hashes_as_a1111_writes_them():
    text = params(
        positive="chrome SM6 <lora:gloss.safetensors:0.8>",
        denoise=0.6,
        controlnet="Module: canny, Model: control_sd15_canny [0123456789], Weight: 0.7",
        lora_hashes=[("gloss.safetensors", "ab" * 32), ("no-hash-yet", "")],
    )
    first, _negative, fields = text.splitlines()
    assert first == "chrome SM6 <lora:gloss.safetensors:0.8>"
    assert fields.endswith(
        'Denoising strength: 0.6, ControlNet 0: "Module: canny, Model: control_sd15_canny [0123456789], Weight: 0.7", '
        'Lora hashes: "gloss.safetensors: abababababab"'
    )
    assert "ControlNet" not in params() and "Lora hashes" not in params()


@pytest.mark.parametrize("ours, theirs", list(pngmeta.A1111_SAMPLERS.items()))
def test_every_scheduler_has_its_a1111_name(ours, theirs):
    assert f"Sampler: {theirs}," in params(sampler=ours)


def test_a1111_text_without_negative_and_with_a_comma_in_the_model_name():
    text = params(negative="", model_name="sm6, v2")
    assert "Negative prompt" not in text
    assert text.endswith('Model: "sm6, v2"')  # quoted as A1111 does, so its parser splits correctly


def test_round_trip_of_every_chunk():
    text = params()
    data = encode_png(image(), parameters=text, request=REQUEST, extra=META)
    meta = read_png_metadata(data)
    assert meta == {
        "parameters": text,
        "request": REQUEST,
        "meta": META,
        "digital_source_type": TRAINED_ALGORITHMIC_MEDIA,
    }
    assert GenerationRequest.from_dict(meta["request"]) == GenerationRequest.from_dict(REQUEST)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(data))), np.asarray(image()))  # pixels untouched


def test_reading_from_a_path(tmp_path):
    path = tmp_path / "design.png"
    path.write_bytes(encode_png(image(), parameters="x", request=REQUEST))
    meta = read_png_metadata(path)
    assert meta["parameters"] == "x" and meta["meta"] is None


def test_other_tools_read_parameters_through_pillow():
    text = params()
    opened = Image.open(io.BytesIO(encode_png(image(), parameters=text, request=REQUEST, extra=META)))
    assert opened.info["parameters"] == text


def test_korean_prompt_round_trip_in_utf8():
    text = params(positive="빨간색 SM6, 해안 도로, 석양", negative="흐릿함")
    request = {**REQUEST, "prompt": "빨간색 SM6, 해안 도로, 석양"}
    data = encode_png(image(), parameters=text, request=request, extra={"note": "한국어"})
    assert b"iTXtparameters" in data and b"tEXtparameters" not in data  # Latin-1 tEXt cannot hold Hangul
    assert Image.open(io.BytesIO(data)).info["parameters"] == text
    meta = read_png_metadata(data)
    assert meta["parameters"] == text and meta["request"]["prompt"] == request["prompt"]
    assert meta["meta"] == {"note": "한국어"}


def test_latin1_parameters_use_plain_text_chunk_like_a1111():
    assert b"tEXtparameters" in encode_png(image(), parameters=params(), request=REQUEST)


def test_xmp_marks_the_image_as_ai_made_and_is_well_formed():
    data = encode_png(image(), parameters=params(), request=REQUEST)
    xmp = Image.open(io.BytesIO(data)).info["XML:com.adobe.xmp"]  # how XMP readers find it in a PNG
    assert xmp.startswith("<?xpacket begin=") and xmp.endswith('<?xpacket end="r"?>')
    root = ElementTree.fromstring(xmp)
    assert root.tag == "{adobe:ns:meta/}xmpmeta"
    found = root.find(
        "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF/{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
        "/{http://iptc.org/std/Iptc4xmpExt/2008-02-29/}DigitalSourceType"
    )
    assert found is not None and found.text == TRAINED_ALGORITHMIC_MEDIA
    assert read_png_metadata(data)["digital_source_type"] == TRAINED_ALGORITHMIC_MEDIA


def test_same_pixels_and_metadata_give_the_same_bytes():
    first = encode_png(image(1), parameters=params(), request=REQUEST, extra=META)
    again = encode_png(image(1), parameters=params(), request=dict(reversed(REQUEST.items())), extra=dict(META))
    assert first == again  # JSON keys are sorted, no timestamps: content addressing stores it once
    assert first != encode_png(image(1), parameters=params(seed=124), request=REQUEST, extra=META)


def test_a_plain_png_has_no_metadata():
    out = io.BytesIO()
    image().save(out, format="PNG")
    assert read_png_metadata(out.getvalue()) == {
        "parameters": None,
        "request": None,
        "meta": None,
        "digital_source_type": None,
    }


def _corrupt_crc(data: bytes) -> bytes:
    at = data.index(b"tEXtparameters")
    return data[: at + 10] + bytes([data[at + 10] ^ 0xFF]) + data[at + 11 :]


@pytest.mark.parametrize(
    "bad, message",
    [
        (b"", "not a PNG"),
        (b"GIF89a\x01\x00\x01\x00", "not a PNG"),
        ("truncated", "ends too early"),
        ("crc", "checksum"),
    ],
)
def test_non_png_or_damaged_files_raise_a_plain_value_error(bad, message):
    good = encode_png(image(), parameters=params(), request=REQUEST)
    data = {"truncated": good[: len(good) // 2], "crc": _corrupt_crc(good)}.get(bad, bad)
    with pytest.raises(ValueError, match=message):
        read_png_metadata(data)


def test_damaged_json_inside_a_valid_png_raises_value_error():
    body = b"sm6:request\x00\x00\x00\x00\x00{not json"
    chunk = len(body).to_bytes(4, "big") + b"iTXt" + body + zlib.crc32(b"iTXt" + body).to_bytes(4, "big")
    good = encode_png(image(), parameters="x", request=REQUEST)
    data = good[:33] + chunk + good[33:]  # right after IHDR, before our own request chunk
    with pytest.raises(ValueError, match="damaged"):
        read_png_metadata(data)


def _with_request_chunk(value: bytes, compressed: bool = False) -> bytes:
    """A valid PNG whose sm6:request iTXt block, placed first so it wins, holds `value`."""
    body = b"sm6:request\x00" + (b"\x01\x00" if compressed else b"\x00\x00") + b"\x00\x00"
    body += zlib.compress(value) if compressed else value
    chunk = len(body).to_bytes(4, "big") + b"iTXt" + body + zlib.crc32(b"iTXt" + body).to_bytes(4, "big")
    good = encode_png(image(), parameters="x", request=REQUEST)
    return good[:33] + chunk + good[33:]


HOSTILE_TEXT = {
    "deep-list": (b"[" * 100_000 + b"]" * 100_000, False),
    "deep-object": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, False),
    "deep-compressed": (b"[" * 1_000_000 + b"]" * 1_000_000, True),
    "nan": (b'{"seed": NaN}', False),
    "infinity": (b'{"seed": -Infinity}', False),
    "huge-number": (b'{"seed": 1' + b"0" * 5000 + b"}", False),
    "not-utf8": (b'{"prompt": "\xff\xfe"}', False),
    "zip-bomb": (b" " * (64 * 1024 * 1024), True),
}


@pytest.mark.parametrize("value, compressed", HOSTILE_TEXT.values(), ids=HOSTILE_TEXT.keys())
def test_hostile_json_or_text_inside_a_png_is_a_plain_value_error(value, compressed):
    with pytest.raises(ValueError) as refused:
        read_png_metadata(_with_request_chunk(value, compressed))
    message = str(refused.value)
    assert message.startswith("This PNG image") and ("damaged" in message or "too large" in message), message
    assert "line 1" not in message and "Expecting" not in message and "codec" not in message


def test_a_damaged_block_with_an_unprintable_name_is_named_plainly():
    body = b"anything"
    chunk = len(body).to_bytes(4, "big") + b"\x07\x1b[J" + body + b"\x00\x00\x00\x00"  # a bad checksum too
    good = encode_png(image(), parameters="x", request=REQUEST)
    with pytest.raises(ValueError) as caught:
        read_png_metadata(good[:33] + chunk + good[33:])
    assert str(caught.value) == "This PNG image is damaged (a data block fails its checksum)."


def test_other_compressed_text_blocks_are_not_inflated_so_a_small_file_cannot_fill_the_memory():
    # 40 foreign zTXt blocks of ~4 KB, each inflating to the 4 MB cap: 160 MB of text from a 160 KB file, when
    # each was read; duplicates of our own keyword after the first are left alone the same way.
    text = zlib.compress(b"a" * (pngmeta.MAX_TEXT_BYTES - 1), 9)
    blocks = [(b"zTXt", b"Comment %d\x00\x00" % i + text) for i in range(40)]
    blocks += [(b"zTXt", b"parameters\x00\x00" + text) for _ in range(40)]
    chunks = b"".join(
        len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big") for kind, body in blocks
    )
    good = encode_png(image(), parameters="x", request=REQUEST)
    tracemalloc.start()
    try:
        meta = read_png_metadata(good[:-12] + chunks + good[-12:])  # before IEND, after ours
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, peak
    assert meta["parameters"] == "x" and meta["request"] == REQUEST
