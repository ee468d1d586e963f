"""The one way the app reads JSON that comes from outside or from disk: size and nesting limits, plain errors.

Files, node replies, API streams and the app's own index files are all hostile input here. Python's C decoder
recurses once per nesting level, so a reply of a million `[` overflows the C stack (a segfault, not an exception)
whenever the recursion limit has been raised; the nesting is therefore measured before the decoder sees the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.errors import UserFacingError
from app.messages import Message, Msg

MAX_DEPTH = 64  # no document this app reads nests half as deep
MAX_BYTES = 16 * 1024 * 1024

# A JSON string, escapes included (the unrolled form never backtracks), and the brackets outside strings.
# An unterminated string runs to the end of the text: one scan, where requiring the closing quote cost a scan to the
# end for every quote (80 KB of \" took 18 s). json.loads refuses such a text afterwards.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


# What is wrong with a document, said after its name ("The keystore file is not valid JSON.").
BAD_JSON = Msg("json.bad", "{what} {problem}")
TOO_LARGE = Msg("json.too_large", "is too large to read ({size}; at most {limit}).")
NOT_UTF8 = Msg("json.not_utf8", "is not text in UTF-8, so it cannot be JSON.")
NOT_JSON = Msg("json.not_json", "is not valid JSON.")
NOT_AN_OBJECT = Msg("json.not_an_object", "holds {kind} where an object ({{…}}) was expected.")
TOO_DEEP = Msg("json.too_deep", "is nested more than {max_depth} levels deep, which no valid file is.")
DAMAGED = Msg("json.damaged", "is damaged (it {problem}).")  # `problem` without its full stop
# The same, as a clause inside another sentence ("its header is not valid JSON"): no full stop of its own.
_CLAUSES = {
    TOO_LARGE.id: Msg("json.too_large.clause", "is too large to read ({size}; at most {limit})"),
    NOT_UTF8.id: Msg("json.not_utf8.clause", "is not text in UTF-8, so it cannot be JSON"),
    NOT_JSON.id: Msg("json.not_json.clause", "is not valid JSON"),
    NOT_AN_OBJECT.id: Msg("json.not_an_object.clause", "holds {kind} where an object ({{…}}) was expected"),
    TOO_DEEP.id: Msg("json.too_deep.clause", "is nested more than {max_depth} levels deep, which no valid file is"),
    DAMAGED.id: Msg("json.damaged.clause", "is damaged (it {problem})"),
}

# The documents the app reads, named as a sentence about them starts ("The keystore file is not valid JSON.").
KEYSTORE_FILE = Msg("json.what.keystore_file", "The keystore file")
ACCOUNT_LIST = Msg("json.what.account_list", "The account list ({file})")
STAFF_LOCK_FILE = Msg("json.what.staff_lock_file", "The staff lock file")
STORED_REASON = Msg("json.what.stored_reason", "A stored reason")
CONTRACT_ARTIFACT = Msg("json.what.contract_artifact", "The contract's build artifact")
NODE_REQUEST = Msg("json.what.node_request", "The request")
NODE_REPLY = Msg("json.what.node_reply", "The reply")
SERVICE_REPLY = Msg("json.what.service_reply", "The {service}'s reply")  # `service`: an IPFS node, a pinning service
ERROR_REPLY = Msg("json.what.error_reply", "The error reply")
MODEL_HASH_CACHE = Msg("json.what.model_hash_cache", "The model hash cache")
CHECKPOINT_HEADER = Msg("json.what.checkpoint_header", "The header")
DRAFT_STREAM_PIECE = Msg("json.what.draft_stream_piece", "A piece of the draft stream")
DESIGN_SETTINGS = Msg("json.what.design_settings", "The design's saved settings")
DESIGN_DETAILS = Msg("json.what.design_details", "The design's saved details")
PNG_DESIGN_REQUEST = Msg("json.what.png_design_request", "This PNG image's design request")
PNG_DESIGN_DETAILS = Msg("json.what.png_design_details", "This PNG image's design details")

# What a document held instead of an object, for NOT_AN_OBJECT.
_KINDS = {
    list: Msg("json.kind.list", "a list"),
    str: Msg("json.kind.text", "text"),
    int: Msg("json.kind.number", "a number"),
    float: Msg("json.kind.number", "a number"),
    bool: Msg("json.kind.true_false", "true/false"),
    type(None): Msg("json.kind.nothing", "nothing"),
}


class BadJSON(UserFacingError, ValueError):
    """Input that is not the JSON it should be. `what` names it for the person as a sentence starts: a Message ("The
    keystore file", translated whole, never capitalised in code) or, for a name that is no words (a file's path),
    text. `problem` (a Message; `.problem` keeps its English words, `.problem_msg` the Message) says what is wrong."""

    def __init__(self, what: str | Message, problem: str | Message, details: str = "") -> None:
        shown = what if isinstance(what, Message) else _capitalised(what)
        super().__init__(BAD_JSON(what=shown, problem=problem), details)
        self.what = what
        self.problem_msg = problem
        self.problem = problem.english() if isinstance(problem, Message) else problem


def problem_clause(exc: BadJSON) -> str | Message:
    """What is wrong, said inside another sentence ("its header {problem}"), in the person's language."""
    problem = exc.problem_msg
    if isinstance(problem, Message) and problem.id in _CLAUSES:
        return _CLAUSES[problem.id](**problem.params)
    return exc.problem.rstrip(".")


def loads(
    data: str | bytes | bytearray, what: str | Message, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    """Parse `data`, or raise BadJSON saying what is wrong with `what` in plain words."""
    if len(data) > max_bytes:
        raise BadJSON(what, TOO_LARGE(size=_size(len(data)), limit=_size(max_bytes)))
    if isinstance(data, (bytes, bytearray)):
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadJSON(what, NOT_UTF8(), str(exc)) from None
    else:
        text = data.removeprefix("\ufeff")
    _check_depth(text, what, max_depth)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, an int of too many digits, NaN
        raise BadJSON(what, NOT_JSON(), str(exc)[:200]) from None


def load_file(path: Path | str, what: str | Message, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Read and parse a file, never more than `max_bytes` of it. OSError (missing, unreadable) passes through."""
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    return loads(data, what, max_bytes=max_bytes, max_depth=max_depth)


def expect_object(value: Any, what: str | Message) -> dict:
    """`value` if it is a JSON object, else BadJSON: most documents must be objects, and `.get` on a list fails."""
    if not isinstance(value, dict):
        raise BadJSON(what, NOT_AN_OBJECT(kind=_kind(value)))
    return value


def load_object(path: Path | str, what: str | Message, *, max_bytes: int = MAX_BYTES) -> dict:
    return expect_object(load_file(path, what, max_bytes=max_bytes), what)


def loads_object(data: str | bytes | bytearray, what: str | Message, *, max_bytes: int = MAX_BYTES) -> dict:
    return expect_object(loads(data, what, max_bytes=max_bytes), what)


def _check_depth(text: str, what: str | Message, max_depth: int) -> None:
    # Strings may hold any brackets; blank them out, then follow the nesting with a counter, not the C stack.
    # Stops at the first level too deep, so a hostile document costs at most max_depth steps past its strings.
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > max_depth:
                raise BadJSON(what, TOO_DEEP(max_depth=max_depth))
        else:
            depth -= 1


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _kind(value: Any) -> str | Message:
    kind = _KINDS.get(type(value))
    return kind() if kind is not None else type(value).__name__


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
