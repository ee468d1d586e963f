"""PNG files that carry their own provenance.

Three layers, read by different audiences:
- `parameters`: AUTOMATIC1111's text, which every SD tool (A1111, ComfyUI, Civitai, InvokeAI) reads;
- `sm6:request` / `sm6:meta`: our full JSON, enough to reproduce the design exactly;
- XMP with IPTC `DigitalSourceType=trainedAlgorithmicMedia`, the standard "made by AI" label.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from app import safejson
from app.messages import Msg
from app.safejson import BadJSON

PARAMETERS_KEY = "parameters"
REQUEST_KEY = "sm6:request"
META_KEY = "sm6:meta"
XMP_KEY = "XML:com.adobe.xmp"
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
IPTC_EXT_NS = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# Our scheduler ids (request.SCHEDULERS) → the sampler names A1111 writes and parses.
A1111_SAMPLERS = {
    "dpmpp_2m": "DPM++ 2M",
    "euler_a": "Euler a",
    "euler": "Euler",
    "ddim": "DDIM",
    "unipc": "UniPC",
    "pndm": "PLMS",
    "turbo": "Euler a",  # on trailing timesteps, as A1111 runs SD-Turbo
    "lcm": "LCM",
}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_TEXT_BYTES = 4 * 1024 * 1024  # a compressed text block may not inflate past this (a zip bomb would)
_TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")
_OUR_KEYWORDS = (PARAMETERS_KEY, REQUEST_KEY, META_KEY, XMP_KEY)

# No timestamps, no padding: the same image always yields the same bytes.
_XMP_TEMPLATE = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
    f' <rdf:RDF xmlns:rdf="{RDF_NS}">\n'
    '  <rdf:Description rdf:about=""\n'
    f'    xmlns:Iptc4xmpExt="{IPTC_EXT_NS}"\n'
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
    "   <Iptc4xmpExt:DigitalSourceType>{source}</Iptc4xmpExt:DigitalSourceType>\n"
    "   <xmp:CreatorTool>SM6 Design Studio</xmp:CreatorTool>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n"
    '<?xpacket end="r"?>'
)


def _a1111_quote(value: str) -> str:
    # A1111's own rule (modules/generation_parameters_copypaste.quote): values holding the
    # field separators are JSON-quoted so its parser splits the line correctly.
    if "," not in value and "\n" not in value and ":" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def a1111_parameters(
    *,
    positive: str,
    negative: str,
    steps: int,
    sampler: str,
    cfg: float,
    seed: int,
    width: int,
    height: int,
    model_name: str,
    model_hash: str,
    denoise: float | None = None,
    controlnet: str | None = None,
    lora_hashes: list[tuple[str, str]] | None = None,
) -> str:
    """The AUTOMATIC1111 "parameters" text: prompt, `Negative prompt:` line, then `Key: value, …`.

    `controlnet`: sd-webui-controlnet's `ControlNet 0` value ("Module: canny, Model: name [hash], Weight: 1").
    `lora_hashes`: (name, sha256) of the LoRAs whose `<lora:name:weight>` tags the prompt carries, written as A1111's
    `Lora hashes` field (12 hex characters each)."""
    fields: list[tuple[str, str]] = [
        ("Steps", str(steps)),
        ("Sampler", A1111_SAMPLERS.get(sampler, sampler)),
        ("CFG scale", f"{cfg:g}"),
        ("Seed", str(seed)),
        ("Size", f"{width}x{height}"),
    ]
    if model_hash:
        fields.append(("Model hash", model_hash[:10]))  # A1111 "AutoV2": first 10 hex chars of sha256
    if model_name:
        fields.append(("Model", model_name))
    if denoise is not None:
        fields.append(("Denoising strength", f"{denoise:g}"))
    if controlnet:
        fields.append(("ControlNet 0", controlnet))
    hashes = [f"{name.replace(':', '_').replace(',', '_')}: {sha[:12]}" for name, sha in lora_hashes or () if sha]
    if hashes:
        fields.append(("Lora hashes", ", ".join(hashes)))
    lines = [positive]
    if negative:  # A1111 leaves the line out when there is no negative prompt
        lines.append(f"Negative prompt: {negative}")
    lines.append(", ".join(f"{key}: {_a1111_quote(value)}" for key, value in fields))
    return "\n".join(lines)


def xmp_packet(digital_source_type: str = TRAINED_ALGORITHMIC_MEDIA) -> str:
    return _XMP_TEMPLATE.format(source=digital_source_type)


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def encode_png(
    image: Image.Image, *, parameters: str, request: dict[str, Any], extra: dict[str, Any] | None = None
) -> bytes:
    """PNG bytes with A1111 parameters, our request and meta JSON, and an AI-provenance XMP packet."""
    info = PngInfo()
    # add_text picks tEXt for Latin-1 and iTXt (UTF-8) otherwise, e.g. Korean prompts, as A1111 does.
    info.add_text(PARAMETERS_KEY, parameters)
    info.add_itxt(REQUEST_KEY, _dumps(request))
    if extra is not None:
        info.add_itxt(META_KEY, _dumps(extra))
    # The XMP spec requires an uncompressed iTXt chunk with this keyword.
    info.add_itxt(XMP_KEY, xmp_packet(), zip=False)
    out = io.BytesIO()
    # A fixed compression level keeps output byte-identical for identical input.
    image.save(out, format="PNG", pnginfo=info, compress_level=6)
    return out.getvalue()


def _iter_chunks(data: bytes):
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("This file is not a PNG image.")
    pos = len(_PNG_SIGNATURE)
    while True:
        if pos + 8 > len(data):
            raise ValueError("This PNG image is damaged: it ends too early.")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 8 + length
        if end + 4 > len(data):
            raise ValueError("This PNG image is damaged: it ends too early.")
        body = data[pos + 8 : end]
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(ctype + body) != crc:
            # a block's name is four letters in a sound file; anything else (control characters) is not shown
            name = ctype.decode("latin-1") if ctype.isalpha() else "data"
            raise ValueError(f"This PNG image is damaged (a {name} block fails its checksum).")
        yield ctype, body
        if ctype == b"IEND":
            return
        pos = end + 4


def _decode_text(ctype: bytes, body: bytes) -> tuple[str, str] | None:
    try:
        if ctype == b"tEXt":
            key, _, value = body.partition(b"\0")
            return key.decode("latin-1"), value.decode("latin-1")
        if ctype == b"zTXt":
            key, _, rest = body.partition(b"\0")
            return key.decode("latin-1"), _inflate(rest[1:]).decode("latin-1")
        if ctype == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _lang, _, rest = rest.partition(b"\0")
            _tkey, _, value = rest.partition(b"\0")
            if compressed:
                value = _inflate(value)
            return key.decode("latin-1"), value.decode("utf-8")
    except (IndexError, zlib.error, UnicodeDecodeError):
        raise ValueError("This PNG image has a damaged text block.") from None
    return None


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_TEXT_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("This PNG image has a text block too large to read.")
    return out


def _json_or_none(text: str | None, what: Msg) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = safejson.loads(text, what())
    except BadJSON as exc:  # a ValueError, as callers expect, and a plain sentence
        raise BadJSON(exc.what, safejson.DAMAGED(problem=safejson.problem_clause(exc)), exc.details) from None
    return value if isinstance(value, dict) else None


def _digital_source_type(xmp: str | None) -> str | None:
    if not xmp:
        return None
    try:
        root = ElementTree.fromstring(xmp.strip().lstrip("\ufeff"))
    except ElementTree.ParseError:
        return None  # a foreign, malformed XMP packet is not our image's fault; report "unknown"
    tag = f"{{{IPTC_EXT_NS}}}DigitalSourceType"
    for desc in root.iter(f"{{{RDF_NS}}}Description"):
        if tag in desc.attrib:  # the attribute form other writers use
            return desc.attrib[tag]
        element = desc.find(tag)
        if element is not None and element.text:
            return element.text.strip()
    return None


def read_png_metadata(data: bytes | Path) -> dict[str, Any]:
    """{"parameters", "request", "meta", "digital_source_type"}, each None when absent.

    Raises ValueError for a non-PNG or damaged file (every chunk's CRC is checked).
    """
    if isinstance(data, (str, Path)):
        data = Path(data).read_bytes()
    texts: dict[str, str] = {}
    for ctype, body in _iter_chunks(bytes(data)):
        # Only our four keywords are decoded, each once (a duplicate cannot override ours): a few kilobytes of other
        # compressed text blocks, each inflating to the cap, would otherwise fill gigabytes.
        keyword = body.partition(b"\0")[0].decode("latin-1")
        if ctype not in _TEXT_CHUNKS or keyword not in _OUR_KEYWORDS or keyword in texts:
            continue
        decoded = _decode_text(ctype, body)
        if decoded is not None:
            texts[decoded[0]] = decoded[1]
    return {
        "parameters": texts.get(PARAMETERS_KEY),
        "request": _json_or_none(texts.get(REQUEST_KEY), safejson.PNG_DESIGN_REQUEST),
        "meta": _json_or_none(texts.get(META_KEY), safejson.PNG_DESIGN_DETAILS),
        "digital_source_type": _digital_source_type(texts.get(XMP_KEY)),
    }
