"""Token metadata (ERC-721 / KIP-17 with OpenSea's extensions): build it, freeze it to bytes, check it.

The schema lives in resources/token/metadata.schema.json so marketplaces' expectations and ours are one file.
`properties.generation` carries the request, so anyone with the same model can regenerate (the "Verify" action).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

import app
from app import paths
from app.errors import RequestError
from app.generation.pngmeta import read_png_metadata
from app.generation.presets import default_presets
from app.generation.request import GenerationRequest, fits_a_float
from app.library.models import Design
from app.messages import Message, Msg
from app.token import field_names as fields
from app.token import messages as msgs

BAD_GENERATION_SETTINGS = Msg(
    "token.bad_generation_settings", "This token's generation settings cannot be used to regenerate it: {reason}"
)
BAD_GENERATION_SETTINGS_PLAIN = Msg(
    "token.bad_generation_settings_plain",
    "This token's generation settings are damaged or incomplete, so it cannot be regenerated.",
)
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")

CAMPAIGN = "Create Your SM6"
TRIM = "Inspire"  # every campaign car is the SM6 Inspire trim
DEFAULT_BACKGROUND = "121417"  # the app's dark surface, so a transparent edge never shows white
NAME_CHARS = 48  # a name, not a sentence: marketplaces show it on one or two lines
# Words a shortened name must not end on ("…SM6 with rose-gold trim under"): the phrase they start is cut off.
_DANGLING = frozenset(
    "a an the and or with without under over on in at by of for to from near beside against into onto".split()
)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")

# Colour words people actually type; longest first so "pearl white" wins over "white". Korean matches inside words
# because particles attach to them ("빨간색의").
_COLOURS = {
    "pearl white": "Pearl white",
    "white": "White",
    "black": "Black",
    "silver": "Silver",
    "grey": "Grey",
    "gray": "Grey",
    "red": "Red",
    "burgundy": "Burgundy",
    "blue": "Blue",
    "navy": "Navy",
    "green": "Green",
    "yellow": "Yellow",
    "orange": "Orange",
    "gold": "Gold",
    "bronze": "Bronze",
    "copper": "Copper",
    "purple": "Purple",
    "pink": "Pink",
    "teal": "Teal",
    "펄 화이트": "Pearl white",
    "흰색": "White",
    "화이트": "White",
    "검은색": "Black",
    "블랙": "Black",
    "은색": "Silver",
    "실버": "Silver",
    "회색": "Grey",
    "빨간": "Red",
    "빨강": "Red",
    "레드": "Red",
    "파란": "Blue",
    "파랑": "Blue",
    "블루": "Blue",
    "초록": "Green",
    "노란": "Yellow",
    "금색": "Gold",
}
_COLOUR_RE = re.compile(
    "|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in sorted(_COLOURS, key=len, reverse=True)),
    re.IGNORECASE,
)


def build_metadata(
    design: Design,
    description: str,
    *,
    image_uri: str,
    token_number: int | None = None,
    title: str | None = None,
    external_url: str | None = None,
    lineage_depth: int = 0,
    background_color: str = DEFAULT_BACKGROUND,
) -> dict[str, Any]:
    request = design.request
    img2img = request.source != "none"
    attributes: list[dict[str, Any]] = [
        {"trait_type": "Trim", "value": TRIM},
        {"trait_type": "Style", "value": default_presets().get(request.preset or "none").english_label},
    ]
    colours = prompt_colours(request.prompt)
    if colours:
        attributes.append({"trait_type": "Colours", "value": ", ".join(colours)})
    attributes += [
        {"trait_type": "Seed", "value": design.seed, "display_type": "number"},
        {"trait_type": "Steps", "value": request.steps, "display_type": "number"},
        {"trait_type": "Guidance", "value": request.guidance, "display_type": "number"},
    ]
    if img2img:  # "keep shape" means nothing when starting from noise
        keep = round((1 - request.strength) * 100)
        attributes.append({"trait_type": "Keep shape", "value": keep, "display_type": "boost_percentage"})
    attributes += [
        {"trait_type": "Model", "value": design.model_name},
        {"trait_type": "Model hash", "value": design.model_hash[:10]},  # A1111's short hash, as in the PNG
        {"trait_type": "Lineage depth", "value": lineage_depth, "display_type": "number"},
        {"trait_type": "Created", "value": int(design.created_at), "display_type": "date"},
    ]
    metadata: dict[str, Any] = {
        "name": _name(request.prompt, token_number, title),
        "description": description.strip(),
        "image": image_uri,
        "background_color": background_color,
        "attributes": attributes,
        "properties": {"generation": _generation(design)},
    }
    if external_url:
        metadata["external_url"] = external_url
    return metadata


def prompt_colours(prompt: str) -> list[str]:
    """Colour names in the order the prompt mentions them, each once."""
    found: list[str] = []
    for match in _COLOUR_RE.finditer(prompt):
        label = _COLOURS[match.group(0).lower()]
        if label not in found:
            found.append(label)
    return found


def lineage_depth(library: Any, design_id: str) -> int:
    """How many refinements lie between the root design and this one (0 for an original)."""
    return max(len(library.lineage(design_id)) - 1, 0)


def _name(prompt: str, token_number: int | None, title: str | None) -> str:
    if token_number is not None:
        return f"{CAMPAIGN} #{token_number}"
    if title and title.strip():
        return " ".join(title.split())
    head = prompt_title(prompt)
    return f"{CAMPAIGN} — {head}" if head else CAMPAIGN


def prompt_title(prompt: str, limit: int = NAME_CHARS) -> str:
    """A short name from a prompt: its first clause, whole when it fits in `limit` characters, else cut at a word
    boundary before a dangling phrase. Never an ellipsis: the name is stored on chain, and "…" there is text."""
    clause = " ".join(_CLAUSE_END.split(prompt, maxsplit=1)[0].split())
    if len(clause) <= limit:
        return _capitalised(clause)
    words: list[str] = []
    for word in clause.split(" "):
        if len(" ".join([*words, word])) > limit:
            break
        words.append(word)
    if not words:  # one word longer than the limit (a script without spaces): cut it on a character
        return _capitalised(clause[:limit])
    dangling = [i for i, word in enumerate(words) if word.lower() in _DANGLING and i >= 2]
    if dangling:  # "…trim under Busan's" becomes "…trim": the cut phrase goes whole
        words = words[: dangling[-1]]
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return _capitalised(" ".join(words).rstrip(",.;:-—"))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _generation(design: Design) -> dict[str, Any]:
    r = design.request
    return {
        "prompt": r.prompt,
        "negative_prompt": r.negative_prompt,
        "prompt_final": design.prompt_final,  # what the model saw, so presets.json changing later does not matter
        "negative_final": design.negative_final,
        "preset": r.preset,
        "seed": design.seed,  # this image's seed, not the batch's first
        "steps": r.steps,
        "guidance": r.guidance,
        "width": r.width,
        "height": r.height,
        "sampler": r.scheduler,
        "source": r.source,
        "source_design_id": r.source_design_id,
        "strength": r.strength,
        "model_id": r.model_id,
        "model_name": design.model_name,
        "model_sha256": design.model_hash,
        "device": design.device,  # Verify is pixel-exact only on the same device
        "app_version": app.__version__,
    } | _guidance(design)


def _guidance(design: Design) -> dict[str, Any]:
    """How the shape was guided: the request's choices, with the ControlNet's and LoRAs' names and content hashes
    from the PNG's own record (`sm6:meta` "guidance"), so Verify finds the same files by hash on another machine."""
    r = design.request
    meta = _png_guidance(design)
    control = None
    if r.control_model:
        made = meta.get("control") if isinstance(meta.get("control"), dict) else {}
        control = {
            "id": r.control_model,
            "name": _text(made.get("name")) or r.control_model,
            "sha256": _sha(made.get("sha256")),
            "strength": float(r.control_strength),
            "hint": r.control_hint,
        }
    made_loras = meta.get("loras") if isinstance(meta.get("loras"), list) else []
    loras = []
    for index, (lora_id, weight) in enumerate(r.loras):
        made = made_loras[index] if index < len(made_loras) and isinstance(made_loras[index], dict) else {}
        name = _text(made.get("name")) or lora_id
        loras.append({"id": lora_id, "name": name, "sha256": _sha(made.get("sha256")), "weight": float(weight)})
    return {
        "view": r.view,
        "mask": r.mask,
        "source_picture": r.source_picture,
        "control": control,
        "loras": loras,
        "decoder": r.decoder or _text(meta.get("decoder")),
    } | _shared_pass(r)


def _shared_pass(r: GenerationRequest) -> dict[str, Any]:
    """The pass a generation server denoised the image in with others' (app/generation/shared_pass.py): Verify
    needs it to give the same pixels. Named only when it was shared, so other tokens read as before."""
    return {"pass": {"size": r.pass_size, "row": r.pass_row}} if r.pass_size > 1 else {}


def _png_guidance(design: Design) -> dict[str, Any]:
    """The guidance the PNG recorded as it was made; {} for a design made before it was recorded, or unreadable."""
    given = design.extra.get("guidance") if isinstance(design.extra, dict) else None
    if isinstance(given, dict):
        return given
    if not design.request.control_model and not design.request.loras:
        return {}  # nothing to look up: the request says it all
    try:
        meta = read_png_metadata(Path(design.image_path)).get("meta")
    except (OSError, ValueError):
        return {}
    guidance = meta.get("guidance") if isinstance(meta, dict) else None
    return guidance if isinstance(guidance, dict) else {}


def _text(value: Any) -> str:
    return value[:200] if isinstance(value, str) else ""


def _sha(value: Any) -> str:
    return value.lower() if isinstance(value, str) and _SHA256.fullmatch(value) else ""


def metadata_bytes(metadata: dict[str, Any]) -> bytes:
    """The exact bytes that get a CID: one canonical form, so equal metadata always hashes the same."""
    text = json.dumps(metadata, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def regeneration_request(metadata: dict[str, Any]) -> GenerationRequest:
    """The request that made the token's image, rebuilt from its metadata and checked: metadata from outside is
    hostile, so a missing or mistyped value is a RequestError in words, never a KeyError deep inside."""
    properties = metadata.get("properties") if isinstance(metadata, dict) else None
    gen = properties.get("generation") if isinstance(properties, dict) else None
    if not isinstance(gen, dict):
        raise RequestError(msgs.NO_GENERATION_SETTINGS())
    try:
        control = gen.get("control") or {}
        values = {
            "prompt": gen["prompt"],
            "preset": gen.get("preset", ""),
            "negative_prompt": gen.get("negative_prompt", ""),
            "seed": gen["seed"],
            "steps": gen["steps"],
            "guidance": _number(gen["guidance"]),
            "width": gen["width"],
            "height": gen["height"],
            "batch": 1,
            "scheduler": gen["sampler"],
            "source": gen.get("source", "none"),
            "source_design_id": gen.get("source_design_id"),
            "strength": _number(gen.get("strength", 0.6)),
            "model_id": gen.get("model_id", ""),
            # Tokens minted before shape guidance was recorded carry none of these: the defaults are what ran.
            "view": gen.get("view", "side"),
            "mask": gen.get("mask", "none"),
            "source_picture": gen.get("source_picture", ""),
            "control_model": control.get("id") or control.get("name") or "" if control else "",
            "control_strength": _number(control.get("strength", 1.0)) if control else 1.0,
            "control_hint": control.get("hint", "edges") if control else "edges",
            "loras": [[lora.get("id") or lora.get("name"), lora["weight"]] for lora in gen.get("loras", [])],
            "decoder": gen.get("decoder", ""),
        } | _pass_of(gen)
        _check_types(values)
        request = GenerationRequest.from_dict(values)
        return request.validate()
    except RequestError as exc:
        raise RequestError(BAD_GENERATION_SETTINGS(reason=exc.message), exc.details) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RequestError(BAD_GENERATION_SETTINGS_PLAIN(), f"{type(exc).__name__}: {exc}") from None


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"not a number: {type(value).__name__}")
    if not fits_a_float(value):
        raise ValueError(f"a number far out of range ({str(value)[:20]}…)")
    return float(value)


_REQUEST_TYPES = {
    "prompt": str,
    "preset": str,
    "negative_prompt": str,
    "seed": int,
    "steps": int,
    "width": int,
    "height": int,
    "scheduler": str,
    "source": str,
    "model_id": str,
    "view": str,
    "mask": str,
    "source_picture": str,
    "control_model": str,
    "control_hint": str,
    "decoder": str,
}


def _pass_of(gen: dict[str, Any]) -> dict[str, Any]:
    shared = gen.get("pass")
    if shared is None:
        return {}
    size, row = shared["size"], shared["row"]  # a missing key or a non-object: the caller's plain refusal
    if not (type(size) is int and type(row) is int):
        raise TypeError("the pass's size and row are not whole numbers")
    return {"pass_size": size, "pass_row": row}


def _check_types(values: dict[str, Any]) -> None:
    for key, kind in _REQUEST_TYPES.items():
        if isinstance(values[key], bool) or not isinstance(values[key], kind):
            raise TypeError(f"{key} is {type(values[key]).__name__}")
    if values["source_design_id"] is not None and not isinstance(values["source_design_id"], str):
        raise TypeError("source_design_id is not text")


# --- validation, in words a person understands ---------------------------------------------------------------

_PATTERNS = {
    "image": msgs.IMAGE_PATTERN,
    "external_url": msgs.EXTERNAL_URL_PATTERN,
    "background_color": msgs.BACKGROUND_COLOR_PATTERN,
    "model_sha256": msgs.MODEL_HASH_PATTERN,
}


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(paths.resource("token", "metadata.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate_metadata(metadata: dict[str, Any]) -> list[str]:
    """[] when the metadata is fine; otherwise one plain sentence per problem, in document order."""
    errors = sorted(_validator().iter_errors(metadata), key=lambda e: [str(p) for p in e.absolute_path])
    messages: list[str] = []
    for error in errors:
        for message in _explain(error, metadata):
            if message not in messages:  # `required` reports every missing key once per missing key
                messages.append(message)
    return messages


def _field_name(path: tuple[Any, ...], root: Any, *, where: bool = False) -> Message:
    """The field at `path` as a sentence names it; `where`: as the object in "… is not a field of {where}"."""
    if not path:
        return fields.WHERE[""]() if where else fields.METADATA()
    if path[0] == "attributes" and len(path) >= 2 and isinstance(path[1], int):
        item = root["attributes"][path[1]] if _has_item(root, path[1]) else {}
        trait_type = item.get("trait_type") if isinstance(item, dict) else None
        if where:
            return fields.trait(fields.WHERE_TRAIT, trait_type, path[1])
        if len(path) == 2 or path[2] not in fields.TRAIT_PARTS:
            return fields.trait(fields.TRAIT, trait_type, path[1])
        return fields.trait(fields.TRAIT_PARTS[path[2]], trait_type, path[1])
    if not where and len(path) >= 2 and path[-2] == "control":
        known = fields.CONTROL_FIELDS.get(path[-1])
    elif not where and len(path) >= 2 and path[-2] == "pass":
        known = fields.PASS_FIELDS.get(path[-1])
    elif not where and len(path) >= 3 and path[-3] == "loras":
        known = fields.LORA_FIELDS.get(path[-1])
    elif where and len(path) >= 2 and path[-2] == "loras":
        known = fields.WHERE["loras"]
    else:
        known = (fields.WHERE if where else fields.FIELDS).get(path[-1])
    return known() if known is not None else fields.UNKNOWN_FIELD(key=path[-1])


def _has_item(root: Any, index: int) -> bool:
    items = root.get("attributes") if isinstance(root, dict) else None
    return isinstance(items, list) and index < len(items)


def _explain(error: ValidationError, root: Any) -> list[str]:
    path = tuple(error.absolute_path)
    name, kind, want, got = _field_name(path, root), error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [key for key in want if isinstance(got, dict) and key not in got]
        return [str(msgs.FIELD_MISSING(value=_field_name((*path, key), root))) for key in missing]
    if kind == "additionalProperties":
        where = _field_name(path, root, where=True)
        extra = [key for key in got if key not in error.schema.get("properties", {})]
        return [str(msgs.NOT_A_FIELD(key=key, where=where)) for key in extra]
    if kind == "type":
        wanted = [want] if isinstance(want, str) else list(want)
        numeric = isinstance(got, (int, float)) and not isinstance(got, bool)
        kinds = ["number" if t == "integer" and not numeric else t for t in wanted]
        words = [fields.TYPES[t]() if t in fields.TYPES else fields.UNKNOWN_FIELD(key=t) for t in kinds]
        return [str(msgs.FIELD_WRONG_TYPE(name=name, value=fields.either(words)))]
    if kind == "maxLength":
        return [str(msgs.FIELD_TOO_LONG(name=name, count=len(got), want=want))]
    if kind == "minLength":
        return [str(msgs.FIELD_EMPTY(name=name) if want == 1 else msgs.FIELD_TOO_SHORT(name=name, want=want))]
    if kind in ("pattern", "format"):
        pattern = _PATTERNS.get(path[-1] if path else "")
        return [str(pattern() if pattern else msgs.FIELD_BAD_FORM(name=name))]
    if kind == "enum":
        return [str(msgs.FIELD_NOT_ONE_OF(name=name, value=", ".join(str(v) for v in want)))]
    if kind == "minimum":
        return [str(msgs.FIELD_TOO_SMALL(name=name, want=want))]
    if kind == "maximum":
        return [str(msgs.FIELD_TOO_LARGE(name=name, want=want))]
    if kind == "multipleOf":
        return [str(msgs.FIELD_NOT_MULTIPLE(name=name, want=want))]
    return [str(msgs.FIELD_INVALID(name=name))]
