"""Model text → plain text that is safe to show, store and put in a token's JSON.

The model is asked for plain text but does not always comply, and a local OpenAI-compatible
server may not comply at all. Everything shown or stored goes through `clean_text`; a stream goes
through `StreamSanitizer`, which applies the same rules incrementally, so the pieces it emits
always add up to `clean_text(whole)`.

How the stream stays equal to the whole: every rule works within one line, except collapsing
blank lines and trimming the ends, which are redone on the joined lines each time (cheap). A
finished line is cleaned once and kept. In the line still arriving, the few trailing characters
whose meaning depends on what comes next are held back: a lone "*" that may become "**", a "<"
that may open a tag, a line start that may become "## ", a letter a combining mark may join.
"""

from __future__ import annotations

import html
import re
import unicodedata

MAX_RUN = 400  # longer runs without whitespace are base64, URLs or garbage: break them so lines wrap

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ANSI = re.compile(r"\x1b\[[0-9;?]{0,32}[ -/]{0,8}[@-~]")  # terminal colour codes from a local server's console
# C0/C1 controls and lone surrogates (invalid in UTF-8); bidi overrides and isolates, which can make
# text read differently from what it is ("Trojan Source"); BOM and non-characters.
_CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\ufffe\uffff]"
)
_BREAK_TAG = re.compile(r"<(?:br[ \t]*/?|/p|/div|/li|/h[1-6])[ \t]*>", re.IGNORECASE)
_TAG = re.compile(r"<[/!]?[A-Za-z\-][^<>\n]{0,200}>")
_FENCE_START = re.compile(r"[ \t]*(?:```|~~~)")  # the whole line goes, language name and all
_RULE_LINE = re.compile(r"[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*")
_LINE_MARKUP = re.compile(r"[ \t]*(?:(?:#{1,6}|>|[-*+•])[ \t]+|>)+")
_LINK = re.compile(r"!?\[([^\[\]\n]{0,200})\]\([^()\s]{0,500}\)")
_EMPHASIS = re.compile(r"[*`]+|~{2,}|_{2,}|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)")
_SPACES = re.compile(r"[ \t]{2,}")
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_BLANK_LINES = re.compile(r"\n{3,}")

# What may still change meaning when more text arrives (see _safe_end). Each is bounded in length,
# so only the last TAIL_WINDOW characters need searching.
TAIL_WINDOW = 720
_OPEN_ENTITY_TAIL = re.compile(r"&#?[A-Za-z0-9]{0,31}$")
_OPEN_ANSI_TAIL = re.compile(r"\x1b(?:\[[0-9;?]{0,32}[ -/]{0,8})?$")
_CLOSED_LINK_TAIL = re.compile(r"!?\[[^\[\]\n]{0,200}\]\([^()\s]{0,500}\)$")
_CLOSED_TAG_TAIL = re.compile(r"<[/!]?[A-Za-z\-][^<>\n]{0,200}>$")
_OPEN_TAG_TAIL = re.compile(r"<[/!]?(?:[A-Za-z\-][^<>\n]{0,200})?$")
_OPEN_LINK_TAIL = re.compile(r"!?\[[^\[\]\n]{0,200}(?:\](?:\([^()\s]{0,500})?)?$|!$")
_MARKUP_CHARS = "*_~`"
_MARKUP_ONLY_LINE = re.compile(r"[ \t#>*+\-•\d.)`~_=]*")


def _break_long_runs(match: re.Match[str]) -> str:
    run = match.group(0)
    return "\n".join(run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN))


def _characters(line: str) -> str:
    """Character-level rules: tabs and no-break spaces to spaces; terminal codes and controls out."""
    text = line.replace("\t", " ").replace("\xa0", " ")
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if not text.isprintable():  # every character _CONTROLS removes is unprintable: skip the regex
        text = _CONTROLS.sub("", text)
    return text


def _clean_line(line: str) -> str:
    """One line (no newline in it) with entities decoded → its plain form (may hold newlines from <br>)."""
    return _clean_characters_done(_characters(line))


def _clean_characters_done(text: str) -> str:
    # Each rule is skipped when its telltale character is absent: the stream re-cleans the line
    # still arriving after every delta, so this runs often.
    if "<" in text:
        text = _TAG.sub("", _BREAK_TAG.sub("\n", text))
        return "\n".join(_clean_piece(piece) for piece in text.split("\n"))
    return _clean_piece(text)


def _clean_piece(text: str) -> str:
    if _FENCE_START.match(text) or _RULE_LINE.fullmatch(text):
        return ""
    markup = _LINE_MARKUP.match(text)
    if markup:
        text = text[markup.end() :]
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if any(ch in text for ch in _MARKUP_CHARS):
        text = _EMPHASIS.sub("", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.strip(" ")
    if len(text) > MAX_RUN:
        text = _LONG_RUN.sub(_break_long_runs, text)
    return unicodedata.normalize("NFC", text)  # a newline never composes, so per line equals whole


def _join(lines: str) -> str:
    """Cleaned lines, joined with newlines → at most one blank line in a row, no blank ends."""
    return _BLANK_LINES.sub("\n\n", lines).strip()


def _is_non_starter(ch: str) -> bool:
    # Characters NFC may merge into the character before them: combining marks and Hangul
    # medial/final jamo (ᄒ + ᅡ → 하), plus joiners that glue emoji sequences together.
    code = ord(ch)
    return (
        unicodedata.combining(ch) != 0
        or 0x1160 <= code <= 0x11FF
        or 0xD7B0 <= code <= 0xD7FF
        or ch in "\u200c\u200d\ufe0e\ufe0f"
    )


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = limit
    while cut > 0 and _is_non_starter(text[cut]):  # never strand a letter's marks, or half a syllable
        cut -= 1
    return text[:cut].rstrip()


def clean_text(text: str, limit: int | None = None) -> str:
    """Plain, NFC, JSON-safe text; at most `limit` characters (Python str length) when given."""
    # Entities first, so "&lt;b&gt;" cannot survive as a tag.
    lines = _NEWLINES.sub("\n", html.unescape(text)).split("\n")
    cleaned = _join("\n".join(_clean_line(line) for line in lines))
    return _truncate(cleaned, limit) if limit is not None else cleaned


def safe_text(text: str, limit: int | None = None) -> str:
    """Text a person typed, made safe to store and mint, markup left alone (an asterisk may be meant).

    Controls, bidi overrides and over-long runs are neutralised, newlines normalised, NFC, limit kept.
    """
    lines = [_characters(line).rstrip(" ") for line in _NEWLINES.sub("\n", text).split("\n")]
    cleaned = "\n".join(unicodedata.normalize("NFC", _LONG_RUN.sub(_break_long_runs, line)) for line in lines)
    cleaned = cleaned.strip()
    return _truncate(cleaned, limit) if limit is not None else cleaned


class StreamSanitizer:
    """`clean_text` for a stream: `feed()` each delta, then `finish()`; the pieces concatenate to the clean text."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = limit
        self._raw_tail = ""  # raw text not yet decoded: a possibly unfinished entity ("&am")
        self._line = ""  # decoded text of the line still arriving
        self._done = ""  # finished lines, cleaned, each followed by "\n"
        self._emitted = ""

    @property
    def text(self) -> str:
        """Everything emitted so far."""
        return self._emitted

    def feed(self, delta: str) -> str:
        if not delta:
            return ""
        raw = self._raw_tail + delta
        entity = _OPEN_ENTITY_TAIL.search(raw)
        cut = entity.start() if entity else len(raw)
        self._raw_tail = raw[cut:]
        self._line += html.unescape(raw[:cut])
        # A trailing "\r" may be the first half of "\r\n": keep it with the unfinished line.
        held_cr = self._line.endswith("\r")
        lines = _NEWLINES.sub("\n", self._line[:-1] if held_cr else self._line).split("\n")
        for finished in lines[:-1]:
            self._done += _clean_line(finished) + "\n"
        self._line = lines[-1] + ("\r" if held_cr else "")
        partial = self._line.rstrip("\r")
        ansi = _OPEN_ANSI_TAIL.search(partial, max(0, len(partial) - TAIL_WINDOW))
        chars = _characters(partial[: ansi.start()] if ansi else partial)
        return self._emit(self._done + _clean_characters_done(chars[: _safe_end(chars)]))

    def finish(self) -> str:
        tail = html.unescape(self._raw_tail)
        lines = _NEWLINES.sub("\n", self._line + tail).split("\n")
        self._raw_tail = self._line = ""
        self._done += "\n".join(_clean_line(line) for line in lines)
        return self._emit(self._done)

    def _emit(self, lines: str) -> str:
        cleaned = _join(lines)
        if self._limit is not None:
            cleaned = _truncate(cleaned, self._limit)
        if not cleaned.startswith(self._emitted):
            # Should not happen (the holdback keeps earlier output stable); never repeat text if it does.
            cleaned = self._emitted + cleaned[len(self._emitted) :]
        piece = cleaned[len(self._emitted) :]
        self._emitted = cleaned
        return piece


def _strip_uncertain(text: str, end: int) -> int:
    """`end` moved back past what may still change with the next delta: trailing spaces and emphasis
    characters ("*" may become "**", "_" may end a word), unfinished tags and links, and finished
    ones, which vanish or shrink and so leave their neighbours to what comes next."""
    while True:
        before = end
        end = len(text[:end].rstrip().rstrip(_MARKUP_CHARS))
        for tail in (_CLOSED_TAG_TAIL, _CLOSED_LINK_TAIL, _OPEN_TAG_TAIL, _OPEN_LINK_TAIL):
            match = tail.search(text, max(0, end - TAIL_WINDOW), end)
            if match:
                end = match.start()
        if end == before:
            return end


def _safe_end(text: str) -> int:
    """Length of the prefix of `text` (the unfinished line after `_characters`) whose cleaned form cannot change."""
    end = len(text)
    while True:  # the uncertain tail, and any combining marks in it
        before = end
        end = _strip_uncertain(text, end)
        while end > 0 and _is_non_starter(text[end - 1]):
            end -= 1
        if end == before:
            break
    # Hold the last visible character too: NFC may merge a mark that arrives next into it. What is
    # before it is then followed by something visible, so only its own uncertain tail remains.
    end = _strip_uncertain(text, max(end - 1, 0))
    # A line (or the part after a <br>) that is still only markup ("## ", "- ", "1.", "```py") may yet
    # turn out to be a header, bullet, rule or fence: wait for its first word (a fence: for its end).
    start = 0
    if "<" in text[:end]:
        start = max((m.end() for m in _BREAK_TAG.finditer(text, 0, end)), default=0)
    segment = _TAG.sub("", text[start:end])
    if _MARKUP_ONLY_LINE.fullmatch(segment) or _FENCE_START.match(segment):
        return start
    return end
