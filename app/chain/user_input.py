"""What a person types into the wallet, checked in the core so that every front end (the window, a CLI, a kiosk)
refuses the same things in the same words: short texts the app shows back (account names, payout notes) and BIP-32
derivation paths. Amounts and addresses are checked in app.chain.networks (parse_kaia, checked_recipient).

Hidden characters are refused rather than stored: a NUL or an ESC can cut or recolour what a terminal or a log
shows, and a text-direction override (RLO, U+202E) makes the text after it read backwards, so a name could pass
for another one, or turn round the address shown beside it. Line breaks and tabs are what pasting brings along;
they become one space. Messages never quote what was typed.
"""

from __future__ import annotations

import re
import unicodedata

from app.chain import messages as msgs
from app.errors import InputError
from app.messages import Message, Msg

# What a typed text is, as a sentence about it starts (`what` below).
ACCOUNT_NAME = Msg("wallet.what.account_name", "An account name")
NOTE = Msg("send.what.note", "The note")
HARDENED = 2**31  # BIP-32: indices from here on are "hardened"; an ordinary index is below it
MAX_PATH_DEPTH = 10  # BIP-44 paths have five levels; no wallet app uses more than a handful
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ and ZWJ join emoji and letters of some scripts; they reorder nothing
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))  # controls, format (bidi), surrogates, private use, unassigned
_INDEX = re.compile(r"^[0-9]{1,10}$")
_NODE = re.compile(r"^([0-9]{1,10})(')?$")


def one_line(text: str) -> str:
    """NFC, with line breaks, tabs and runs of spaces made one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def has_hidden_characters(text: str) -> bool:
    return any(ch not in _JOINERS and unicodedata.category(ch) in _HIDDEN for ch in text)


def text_problem(text: object, what: str | Message, max_length: int) -> Message | None:
    """None when `text`, made one line, may be stored; else what to change, in plain words. `what` starts the
    sentence: ACCOUNT_NAME(), NOTE() (or a front end's own words)."""
    if not isinstance(text, str):
        return msgs.TEXT_NOT_TEXT(what=what)
    text = one_line(text)
    if has_hidden_characters(text):
        return msgs.TEXT_HIDDEN_CHARACTERS(what=what)
    if len(text) > max_length:
        return msgs.TEXT_TOO_LONG(what=what, max_length=max_length, count=len(text))
    return None


def checked_text(text: object, what: str | Message, max_length: int) -> str:
    """`text` made one line; InputError with text_problem's words when it cannot be stored."""
    problem = text_problem(text, what, max_length)
    if problem:
        raise InputError(problem)
    return one_line(text)  # type: ignore[arg-type] - text_problem has checked it is a str


def cleaned_text(text: object, max_length: int) -> str:
    """For text read back from disk, which an older version or a hand edit may have left unchecked: the hidden
    characters dropped, one line, cut to `max_length`. Never raises."""
    if not isinstance(text, str):
        return ""
    text = one_line(text)
    return "".join(ch for ch in text if ch in _JOINERS or unicodedata.category(ch) not in _HIDDEN)[:max_length]


def checked_index(value: object) -> int:
    """An account number as typed ("0", "3") → int; InputError for a negative, too large or non-number value."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _INDEX.match(value.strip()):
        number = int(value.strip())
    else:
        text = value.strip() if isinstance(value, str) else ""
        if text.startswith("-") and text[1:].strip().isdigit():
            raise InputError(msgs.ACCOUNT_INDEX_NEGATIVE())
        raise InputError(msgs.ACCOUNT_INDEX_NOT_NUMBER())
    if number < 0:
        raise InputError(msgs.ACCOUNT_INDEX_NEGATIVE())
    if number >= HARDENED:
        raise InputError(msgs.ACCOUNT_INDEX_TOO_LARGE(max_index=HARDENED - 1))
    return number


def path_with_index(base_path: str, index: object) -> str:
    """`base_path` with its last index replaced by the account number `index`: m/44'/60'/0'/0/0 → …/0/3."""
    head, _, _last = checked_path(base_path).rpartition("/")
    return f"{head}/{checked_index(index)}"


def checked_path(path: object) -> str:
    """A BIP-32 derivation path such as m/44'/8217'/0'/0/0: every index a number from 0 to 2^31 − 1 in the digits
    0 to 9, an apostrophe marking a hardened one. InputError in plain words otherwise."""
    example = "m/44'/8217'/0'/0/0"
    if not isinstance(path, str):
        raise InputError(msgs.PATH_NOT_TEXT(example=example))
    text = path.strip()
    nodes = text.split("/")
    if nodes[0] != "m" or len(nodes) < 2:
        raise InputError(msgs.PATH_FORMAT(example=example))
    if len(nodes) - 1 > MAX_PATH_DEPTH:
        raise InputError(msgs.PATH_TOO_DEEP(max_path_depth=MAX_PATH_DEPTH, example=example))
    for position, node in enumerate(nodes[1:], start=1):
        match = _NODE.match(node)
        if match is None:
            raise InputError(msgs.PATH_LEVEL_NOT_NUMBER(position=position, max_index=HARDENED - 1, example=example))
        if int(match.group(1)) >= HARDENED:
            raise InputError(msgs.PATH_LEVEL_TOO_LARGE(position=position, hardened=HARDENED, example=example))
    return text
