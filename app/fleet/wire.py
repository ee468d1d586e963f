"""The generation server's wire protocol (docs: the fleet contract): JSON only, PNGs and JPEG previews as base64.

The server writes one NDJSON line per event with `encode_event`; the client reads each line with `decode_line`,
which treats the server as hostile: a line too long, not JSON, nested too deep, of an unknown event, with fields of
the wrong type, bad base64 or a "PNG" that is no PNG raises `WireError` with a plain sentence, never a crash. The
decoded dict keeps the wire's values (base64 text, plain dicts); `png_bytes`, `preview_bytes`, `line_request` and
`message_from_dict` turn them into what the core uses. Messages travel by id and parameters, so the kiosk says them
in its visitor's language; an id this version does not know is shown by its English words.

Keep-alive: a stream is never silent for longer than the server's `keepalive_s` (5 s unless set), so a kiosk's read
timeout (30 s) only fires on a server that is really gone. While a job waits, the server repeats its "queued" line
(same position or a new one); once it started, a model loading or a slow step is bridged with `{"event": "alive"}`
lines, which carry nothing and are ignored by the client, and are never part of a replay.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from app import safejson
from app.errors import RequestError, UserFacingError
from app.generation.registry import ModelInfo
from app.generation.request import MAX_PASS, GenerationRequest
from app.messages import CATALOGUE, Message, Msg, as_message

MAX_LINE_BYTES = 64 * 1024 * 1024  # one line holds one image: a 2048² PNG is well under this
MAX_MESSAGE_DEPTH = 3  # a message's parameter may be a message (e.g. "Width"), rarely deeper
MAX_PARAMS = 32
MAX_TEXT = 20_000  # longest text field kept (prompts are at most 2,000 characters; details are cut)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"

REFUSALS = ("unauthorized", "revoked", "rate_limited", "busy", "bad_request", "in_progress", "not_found")
ENDS = ("finished", "cancelled", "failed")
ALIVE = "alive"  # a line that only says the stream still lives (see Keep-alive above)
EVENTS = ("queued", "started", "loading", "progress", "image", ALIVE, *ENDS)

# What was wrong with a reply (WireError.problem), each said by the Msg of the same key in _PROBLEMS.
TOO_LONG = "too_long"
NOT_JSON = "not_json"
UNKNOWN_EVENT = "unknown_event"
BAD_FIELD = "bad_field"
BAD_IMAGE = "bad_image"
BAD_PREVIEW = "bad_preview"
BAD_REQUEST = "bad_request"

BAD_REPLY = Msg("fleet.bad_reply", "The generation server sent a reply this app cannot read ({problem}).")
_PROBLEMS = {
    TOO_LONG: Msg("fleet.bad_reply.too_long", "a line is too long"),
    NOT_JSON: Msg("fleet.bad_reply.not_json", "it is not valid JSON"),
    UNKNOWN_EVENT: Msg("fleet.bad_reply.unknown_event", "an event this app does not know"),
    BAD_FIELD: Msg("fleet.bad_reply.bad_field", "a field of the wrong kind: {field}"),
    BAD_IMAGE: Msg("fleet.bad_reply.bad_image", "an image that is not a PNG"),
    BAD_PREVIEW: Msg("fleet.bad_reply.bad_preview", "a preview that is not a JPEG"),
    BAD_REQUEST: Msg("fleet.bad_reply.bad_request", "a generation request that cannot run"),
}
WIRE_REPLY = Msg("json.what.fleet_reply", "The generation server's reply")


class WireError(UserFacingError):
    """A reply from the generation server that is not the protocol; `problem` is the key of what was wrong."""

    def __init__(self, problem: str, details: str = "", **params: Any) -> None:
        super().__init__(BAD_REPLY(problem=_PROBLEMS[problem](**params)), details[:2000])
        self.problem = problem


# ----- server side -------------------------------------------------------------------------------------------------
def encode_event(event: str | dict[str, Any], /, **fields: Any) -> bytes:
    """One NDJSON line (ending in a newline): `encode_event("queued", position=0)` or `encode_event({...})`."""
    line = dict(event) if isinstance(event, dict) else {"event": event, **fields}
    if isinstance(event, dict):
        line.update(fields)
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def message_to_dict(message: str | Message | Msg) -> dict[str, Any]:
    """A message as it travels: its id and parameters for the client to translate, and its English for any other."""
    message = as_message(message)
    params: dict[str, Any] = {}
    for key, value in message.params.items():
        if isinstance(value, (Message, Msg)):
            params[key] = message_to_dict(value)
        elif isinstance(value, (int, float, str)) or value is None:
            params[key] = value
        else:
            params[key] = str(value)
    return {"id": message.id, "params": params, "english": message.english()}


def model_to_dict(model: ModelInfo) -> dict[str, Any]:
    """What a client needs of one of the server's models: no folder of the server (only the file or folder name)."""
    return {
        "id": model.id,
        "name": model.path.name,
        "format": model.format,
        "arch": model.arch,
        "size_bytes": model.size_bytes,
        "error": model.error,
        "error_msg": message_to_dict(model.error_msg) if model.error_msg is not None else None,
        "sha256": model.sha256,
        "is_demo": model.is_demo,
        "kind": model.kind,
        "variant": model.variant,
        "speed": model.speed,
        "hint": model.hint,
    }


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# ----- client side -------------------------------------------------------------------------------------------------
def decode_line(line: bytes | str) -> dict[str, Any]:
    """One event line from the server, checked against the protocol's shapes; WireError for anything else."""
    if len(line) > MAX_LINE_BYTES:
        raise WireError(TOO_LONG)
    try:
        value = safejson.loads(line, WIRE_REPLY(), max_bytes=MAX_LINE_BYTES)
    except safejson.BadJSON as exc:
        raise WireError(NOT_JSON, exc.problem) from None
    if not isinstance(value, dict):
        raise WireError(NOT_JSON, "not an object")
    event = value.get("event")
    if event not in EVENTS:
        raise WireError(UNKNOWN_EVENT, str(event)[:80])
    if "replayed" in value:
        _field(value, "replayed", bool)
    _CHECKS[event](value)
    return value


def decode_reply(body: bytes | str) -> dict[str, Any]:
    """A plain JSON reply (/health, /models, /cancel, a refusal): an object, or WireError."""
    try:
        value = safejson.loads(body, WIRE_REPLY(), max_bytes=MAX_LINE_BYTES)
    except safejson.BadJSON as exc:
        raise WireError(NOT_JSON, exc.problem) from None
    if not isinstance(value, dict):
        raise WireError(NOT_JSON, "not an object")
    if "error" in value:
        _field(value, "error", str)
        if "retry_after" in value:
            _number(value, "retry_after", 0, 24 * 3600)
        if "message" in value:
            message_from_dict(value["message"])
    return value


def message_from_dict(value: Any, _depth: int = 0) -> Message:
    """The Message a line carried: by id when this version knows the id, else its English words as they came."""
    if not isinstance(value, dict) or not isinstance(value.get("english", ""), str):
        raise WireError(BAD_FIELD, field="message")
    english = str(value.get("english", ""))[:MAX_TEXT]
    id_, raw = value.get("id"), value.get("params", {})
    if not isinstance(id_, str) or id_ not in CATALOGUE or not isinstance(raw, dict) or len(raw) > MAX_PARAMS:
        return as_message(english or "?")
    params: dict[str, Any] = {}
    for key, param in raw.items():
        if isinstance(param, dict) and _depth < MAX_MESSAGE_DEPTH:
            params[str(key)] = message_from_dict(param, _depth + 1)
        elif isinstance(param, (int, float)) or param is None:
            params[str(key)] = param
        elif isinstance(param, str):
            params[str(key)] = param[:MAX_TEXT]
        else:
            return as_message(english or "?")
    return Message(id_, CATALOGUE[id_], params)


def model_from_dict(value: Any) -> ModelInfo:
    """A ModelInfo from the server's /models list (its path is only the name: the file lives on the server)."""
    if not isinstance(value, dict):
        raise WireError(BAD_FIELD, field="model")
    for key in ("id", "name", "format", "kind"):
        _field(value, key, str)
    name = value["name"]
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise WireError(BAD_FIELD, field="name")
    for key in ("arch", "error", "sha256"):
        _field(value, key, str, optional=True)
    for key in ("variant", "speed", "hint"):
        _field(value, key, str, optional=True)
    size = _number(value, "size_bytes", 0, 2**62) if "size_bytes" in value else 0
    error_msg = message_from_dict(value["error_msg"]) if value.get("error_msg") is not None else None
    error = value.get("error")
    return ModelInfo(
        id=value["id"][:400],
        path=Path(name[:400]),
        format=value["format"],
        arch=value.get("arch"),
        size_bytes=int(size),
        error=(error_msg.render() if error_msg is not None else error[:MAX_TEXT]) if error is not None else None,
        sha256=value.get("sha256"),
        is_demo=value.get("is_demo") is True,
        error_msg=error_msg,
        kind=value["kind"],
        variant=value.get("variant") or "",
        speed=value.get("speed") or "",
        hint=value.get("hint") or "",
    )


def png_bytes(line: dict[str, Any]) -> bytes:
    """The exact PNG bytes of an "image" line."""
    return _decode_b64(line.get("png"), PNG_SIGNATURE, BAD_IMAGE)


def preview_bytes(line: dict[str, Any]) -> bytes | None:
    """The JPEG preview bytes of a "progress" line, or None when it has none."""
    if line.get("preview") is None:
        return None
    return _decode_b64(line["preview"], JPEG_SIGNATURE, BAD_PREVIEW)


def line_request(line: dict[str, Any]) -> GenerationRequest:
    """The concrete request of a "started" line (or the body of a POST /generate), validated."""
    raw = line.get("request")
    if not isinstance(raw, dict):
        raise WireError(BAD_FIELD, field="request")
    try:
        return GenerationRequest.from_dict(raw).validate()
    except (RequestError, TypeError, ValueError) as exc:
        raise WireError(BAD_REQUEST, str(exc)[:400]) from None


# ----- shapes ------------------------------------------------------------------------------------------------------
def _field(value: dict, key: str, kind: type, *, optional: bool = False) -> Any:
    item = value.get(key)
    if (item is None and optional) or (isinstance(item, kind) and not (kind is not bool and isinstance(item, bool))):
        if isinstance(item, str) and len(item) > MAX_TEXT and key not in ("png", "preview"):
            raise WireError(BAD_FIELD, field=key)
        return item
    raise WireError(BAD_FIELD, field=key)


def _number(value: dict, key: str, low: float, high: float) -> float:
    item = value.get(key)
    if isinstance(item, bool) or not isinstance(item, (int, float)) or not low <= item <= high:
        raise WireError(BAD_FIELD, field=key)
    return item


def _decode_b64(text: Any, signature: bytes, problem: str) -> bytes:
    if not isinstance(text, str):
        raise WireError(problem)
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise WireError(problem, "bad base64") from None
    if not data.startswith(signature):
        raise WireError(problem, "wrong signature")
    return data


def _check_queued(line: dict) -> None:
    _number(line, "position", 0, 1_000_000)


def _check_started(line: dict) -> None:
    line_request(line)


def _check_loading(line: dict) -> None:
    if line.get("stage") not in ("hashing", "loading"):
        raise WireError(BAD_FIELD, field="stage")
    _field(line, "model", str)


def _check_progress(line: dict) -> None:
    _number(line, "image_index", 0, 64)
    steps = _number(line, "steps", 0, 10_000)
    _number(line, "step", 0, steps)
    if line.get("preview") is not None:
        preview_bytes(line)


def _check_image(line: dict) -> None:
    _number(line, "index", 0, 64)
    _number(line, "seed", 0, 2**32)
    _number(line, "seconds", 0, 10**7)
    for key in ("prompt_final", "negative_final", "model_name", "model_hash", "device"):
        _field(line, key, str)
    _field(line, "parent_id", str, optional=True)
    image_pass(line)
    png_bytes(line)


def image_pass(line: dict) -> tuple[int, int]:
    """(rows, row) of the shared pass an "image" line's picture was denoised in; (1, 0) when the line names none."""
    if "pass_size" not in line and "pass_row" not in line:
        return 1, 0
    size = int(_number(line, "pass_size", 1, MAX_PASS))
    row = int(_number(line, "pass_row", 0, size - 1))
    if size != line["pass_size"] or row != line["pass_row"]:  # 2.5 rows is not a pass
        raise WireError(BAD_FIELD, field="pass_row")
    return size, row


def _check_end(line: dict) -> None:
    pass


def _check_failed(line: dict) -> None:
    message_from_dict(line.get("message"))
    _field(line, "details", str, optional=True)


_CHECKS = {
    "queued": _check_queued,
    "started": _check_started,
    "loading": _check_loading,
    "progress": _check_progress,
    "image": _check_image,
    ALIVE: _check_end,
    "finished": _check_end,
    "cancelled": _check_end,
    "failed": _check_failed,
}
