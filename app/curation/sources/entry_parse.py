"""What a PNG says about how it was made: this app's provenance (`sm6:request` / `sm6:meta`) or AUTOMATIC1111's
`parameters` text, turned into a candidate's prompt, name, model hash and a `generation` record shaped like the token
metadata's `properties.generation` (what Verify reads)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app import safejson
from app.errors import UserFacingError
from app.generation.pngmeta import read_png_metadata
from app.library.models import request_from_saved
from app.messages import Msg
from app.token.metadata import prompt_title

A1111_VALUE = Msg("curation.import.a1111_value", "A quoted setting in the picture's AUTOMATIC1111 parameters")

# A1111's own parser (modules/infotext_utils.py): `Key: value` pairs, a value JSON-quoted when it holds separators.
_PARAM = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
_SIZE = re.compile(r"^(\d+)x(\d+)$")
_NEGATIVE = "Negative prompt:"


@dataclass(frozen=True)
class Provenance:
    prompt: str = ""
    name: str = ""
    model_hash: str = ""
    generation: dict[str, Any] | None = None


NONE = Provenance()


def png_provenance(data: bytes) -> Provenance:
    """What the PNG's text blocks say; NONE for a plain picture or one whose text blocks cannot be read (the picture
    itself was already checked: a damaged text block costs the provenance, not the entry)."""
    try:
        texts = read_png_metadata(data)
    except ValueError:  # damaged chunk, oversized text, JSON breaking its limits (BadJSON is a ValueError)
        return NONE
    ours = _from_app(texts.get("request"), texts.get("meta"), texts.get("parameters"))
    if ours is not None:
        return ours
    parameters = texts.get("parameters")
    return a1111_provenance(parameters) if isinstance(parameters, str) and parameters.strip() else NONE


def _from_app(request: Any, meta: Any, parameters: Any) -> Provenance | None:
    if not isinstance(request, dict):
        return None
    try:
        req = request_from_saved(request)
    except (ValueError, TypeError):
        return None  # another program's or a damaged request: fall back to the A1111 text
    meta = meta if isinstance(meta, dict) else {}
    model = meta.get("model") if isinstance(meta.get("model"), dict) else {}
    seed = meta.get("seed") if _is_int(meta.get("seed")) else req.seed
    model_sha = model.get("sha256") if isinstance(model.get("sha256"), str) else ""
    final = a1111_split(parameters)[0] if isinstance(parameters, str) else req.prompt
    generation = {
        "prompt": req.prompt,
        "negative_prompt": req.negative_prompt,
        "prompt_final": final,
        "preset": req.preset,
        "seed": seed,
        "steps": req.steps,
        "guidance": req.guidance,
        "width": req.width,
        "height": req.height,
        "sampler": req.scheduler,
        "source": req.source,
        "source_design_id": req.source_design_id,
        "strength": req.strength,
        "model_id": req.model_id,
        "model_name": model.get("name") if isinstance(model.get("name"), str) else "",
        "model_sha256": model_sha,
        "device": meta.get("device") if isinstance(meta.get("device"), str) else "",
    }
    return Provenance(req.prompt, prompt_title(req.prompt), model_sha, generation)


def a1111_split(text: str) -> tuple[str, str, dict[str, str]]:
    """(prompt, negative prompt, {key: value}) of an A1111 `parameters` text. The last line is the settings line
    when it reads as at least three `Key: value` pairs, as A1111 decides."""
    lines = text.strip().split("\n")
    settings: dict[str, str] = {}
    pairs = _PARAM.findall(lines[-1]) if lines else []
    if len(pairs) >= 3:
        lines = lines[:-1]
        for key, value in pairs:
            settings[key.strip()] = _unquote(value.strip())
    prompt_lines: list[str] = []
    negative_lines: list[str] = []
    for line in lines:
        if negative_lines or line.strip().startswith(_NEGATIVE):
            negative_lines.append(line.strip().removeprefix(_NEGATIVE).strip() if not negative_lines else line)
        else:
            prompt_lines.append(line)
    return "\n".join(prompt_lines).strip(), "\n".join(negative_lines).strip(), settings


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        try:
            unquoted = safejson.loads(value, A1111_VALUE(), max_bytes=64 * 1024)
        except UserFacingError:
            return value
        return unquoted if isinstance(unquoted, str) else value
    return value


def a1111_provenance(text: str) -> Provenance:
    prompt, negative, settings = a1111_split(text)
    generation: dict[str, Any] = {"prompt": prompt, "negative_prompt": negative, "parameters": settings}
    for key, field, kind in (
        ("Steps", "steps", int),
        ("Seed", "seed", int),
        ("CFG scale", "guidance", float),
        ("Sampler", "sampler", str),
        ("Model", "model_name", str),
        ("Model hash", "model_hash", str),
    ):
        if key in settings:
            try:
                generation[field] = kind(settings[key])
            except ValueError:
                pass  # "Seed: lots" keeps its words in `parameters`, and no number is made up
    size = _SIZE.match(settings.get("Size", ""))
    if size:
        generation["width"], generation["height"] = int(size.group(1)), int(size.group(2))
    return Provenance(prompt, prompt_title(prompt), str(generation.get("model_hash", "")), generation)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
