"""The showroom's prompt filter: Korean and English word lists, robust to the usual tricks.

A walk-up visitor can type anything. The lists (resources/safety/blocked_<lang>.txt, plus the staff's own list kept
beside the settings) are matched after folding away what people use to slip past a list:
- spacing and punctuation: "n u d e", "n.u.d.e", "누 드";
- look-alike characters: full-width letters, "n0de", "@ss";
- Hangul split into its letters or written with tense consonants: "ㅅㅣㅂㅏㄹ", "씨발" (matched as 시발).
English entries match whole words (with -s, -es, -ed, -ing), so "class" never matches "ass"; Korean has no spaces to
lean on, so Korean entries match anywhere, and a list's "!" lines are phrases allowed despite a blocked word in them
("!시발점", the starting point).

A list file is outside input: read through one guarded path (size cap, undecodable bytes replaced, never raises).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.errors import UserFacingError
from app.fsutil import atomic_write_text
from app.safety.messages import STAFF_LIST_TOO_BIG

log = logging.getLogger(__name__)

MAX_LIST_BYTES = 512 * 1024
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_ENDINGS = ("", "s", "es", "ed", "ing")
# Little words never joined to a neighbour when looking for a spaced-out word ("a pen is red" is not "penis").
_LITTLE = frozenset("a an the is are was in on of at it as to or and by for with".split())
# Letters typed one by one (ㅅㅣㅂㅏㄹ) are put together into syllables as an input method would (시발), and tense
# consonants read as plain ones (씨발 → 시발), so both fold to the word in the list. Syllables stay whole, so a word
# is never found across two syllables that only share letters (좆 is not in 조지아).
_LEAD_TO_TAIL = dict(zip("ᄀᄁᄂᄃᄅᄆᄇᄉᄊᄋᄌᄎᄏᄐᄑᄒ", "ᆨᆩᆫᆮᆯᆷᆸᆺᆻᆼᆽᆾᆿᇀᇁᇂ", strict=True))
_PLAIN_LEAD = {0x1101: 0x1100, 0x1104: 0x1103, 0x1108: 0x1107, 0x110A: 0x1109, 0x110D: 0x110C}  # ᄁᄄᄈᄊᄍ
_PLAIN_TAIL = {0x11A9: 0x11A8, 0x11BB: 0x11BA}  # ᆩ ᆻ
_HANGUL = re.compile(r"[\u1100-\u11ff\uac00-\ud7a3\u3130-\u318f]")
_FILLERS = "\u115f\u1160\u3164\u200b\u200c\u200d\u2060\ufeff"


def fold_hangul(text: str) -> str:
    """Hangul as whole syllables with nothing between them: separate letters composed, tense consonants plain,
    spaces, marks and fillers dropped (Latin letters kept, case folded)."""
    kept = "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalpha() and c not in _FILLERS)
    letters = list(unicodedata.normalize("NFC", kept))  # letters that spaces kept apart make syllables now
    joined: list[str] = []
    for i, c in enumerate(letters):
        following = letters[i + 1] if i + 1 < len(letters) else ""
        before = joined[-1] if joined else ""
        if c in _LEAD_TO_TAIL and not "\u1161" <= following <= "\u1175" and _open_syllable(before):
            joined[-1] = unicodedata.normalize("NFC", before + _LEAD_TO_TAIL[c])  # ㄹ after 바 is 발's final
        else:
            joined.append(c)
    composed = unicodedata.normalize("NFC", "".join(joined))
    return "".join(_plain(c) for c in composed).casefold()


def _open_syllable(ch: str) -> bool:
    return len(ch) == 1 and 0xAC00 <= ord(ch) <= 0xD7A3 and (ord(ch) - 0xAC00) % 28 == 0


def _plain(ch: str) -> str:
    if not 0xAC00 <= ord(ch) <= 0xD7A3:
        return chr(_PLAIN_LEAD.get(ord(ch), ord(ch)))
    parts = [ord(p) for p in unicodedata.normalize("NFD", ch)]
    parts = [_PLAIN_LEAD.get(p, _PLAIN_TAIL.get(p, p)) for p in parts]
    return unicodedata.normalize("NFC", "".join(map(chr, parts)))


def fold_words(text: str) -> list[str]:
    """Latin words as compared: NFKC (full-width → plain), case folded, look-alikes mapped, marks inside a word
    dropped ("n.u.d.e" → "nude")."""
    words = []
    visible = "".join(" " if unicodedata.category(c) == "Cf" else c for c in unicodedata.normalize("NFKC", text))
    for raw in visible.casefold().split():  # an invisible character between two words is a space
        if _HANGUL.search(raw):
            continue
        word = "".join(c for c in raw.translate(_LEET) if c.isalnum() and c.isascii())
        if word:
            words.append(word)
    return words


@dataclass(frozen=True)
class WordList:
    latin: frozenset[str]
    hangul: tuple[str, ...]  # folded
    allowed_latin: tuple[tuple[str, ...], ...]  # folded word sequences
    allowed_hangul: tuple[str, ...]


@dataclass(frozen=True)
class PromptCheck:
    blocked: bool
    terms: tuple[str, ...] = ()  # what matched, for staff; never shown back to a visitor


def read_list(path: Path) -> list[str]:
    """The lines of a list file; [] (with a log line) for one that is missing, too big or unreadable."""
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            log.warning("word list %s is larger than %d bytes; not used", path, MAX_LIST_BYTES)
            return []
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        if path.exists():
            log.warning("word list %s cannot be read: %s", path, exc)
        return []
    lines = (line.strip() for line in text.lstrip("\ufeff").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def build(lines: list[str]) -> WordList:
    """A word list from list lines: "word", "!allowed phrase", "-word" (takes out an earlier entry)."""
    blocked: dict[str, None] = {}
    allowed: list[str] = []
    for line in lines:
        if line.startswith("!"):
            allowed.append(line[1:].strip())
        elif line.startswith("-"):
            blocked.pop(line[1:].strip().casefold(), None)
        else:
            blocked[line.casefold()] = None
    latin = frozenset(w for entry in blocked if not _HANGUL.search(entry) for w in ["".join(fold_words(entry))] if w)
    hangul = tuple(dict.fromkeys(h for entry in blocked if _HANGUL.search(entry) for h in [fold_hangul(entry)] if h))
    return WordList(
        latin=latin,
        hangul=hangul,
        allowed_latin=tuple(tuple(fold_words(a)) for a in allowed if not _HANGUL.search(a)),
        allowed_hangul=tuple(fold_hangul(a) for a in allowed if _HANGUL.search(a)),
    )


def check(text: str, words: WordList) -> PromptCheck:
    found: list[str] = []
    hangul = fold_hangul(text)
    for phrase in words.allowed_hangul:
        hangul = hangul.replace(phrase, "")
    found += [entry for entry in words.hangul if entry in hangul]
    latin = _without_allowed(fold_words(text), words.allowed_latin)
    found += sorted(_latin_hits(latin, words.latin))
    return PromptCheck(bool(found), tuple(unicodedata.normalize("NFC", f) for f in found))


def _without_allowed(latin: list[str], allowed: tuple[tuple[str, ...], ...]) -> list[str]:
    present = set(latin)
    for phrase in allowed:
        if not present.issuperset(phrase):
            continue  # cannot match: a staff list of thousands of phrases costs a set lookup each, not a scan each
        n = len(phrase)
        i = 0
        while n and i + n <= len(latin):
            if tuple(latin[i : i + n]) == phrase:
                latin = latin[:i] + ["·"] + latin[i + n :]  # a break, so the words around it don't join
            i += 1
    return latin


def _latin_hits(latin: list[str], blocked: frozenset[str]) -> set[str]:
    candidates = set(latin)
    candidates.update(  # "nu de"
        a + b for a, b in zip(latin, latin[1:], strict=False) if a not in _LITTLE and b not in _LITTLE
    )
    run: list[str] = []
    for word in [*latin, "··"]:  # letters typed one by one: "n u d e"
        if len(word) == 1:
            run.append(word)
            continue
        if len(run) > 1:
            candidates.add("".join(run))
        run = []
    hits = set()
    for word in candidates:
        for ending in _ENDINGS:
            if word.endswith(ending) and word[: len(word) - len(ending)] in blocked:
                hits.add(word[: len(word) - len(ending)])
    return hits


def builtin_lists() -> list[Path]:
    return [paths.resource("safety", f"blocked_{lang}.txt") for lang in ("en", "ko")]


def staff_list_path() -> Path:
    return paths.config_dir() / "safety_words.txt"


class PromptFilter:
    """The built-in lists plus the staff's own (same format; "-word" takes a built-in entry out)."""

    def __init__(self, staff_list: Path | None = None) -> None:
        self.staff_list = staff_list or staff_list_path()
        self.reload()

    def reload(self) -> None:
        lines = [line for path in builtin_lists() for line in read_list(path)]
        self.words = build(lines + read_list(self.staff_list))

    def check(self, text: str) -> PromptCheck:
        return check(text, self.words)

    def staff_text(self) -> str:
        return "\n".join(read_list(self.staff_list))

    def save_staff_text(self, text: str) -> None:
        data = text.strip() + "\n"
        if len(data.encode("utf-8")) > MAX_LIST_BYTES:
            raise UserFacingError(STAFF_LIST_TOO_BIG(limit=f"{MAX_LIST_BYTES // 1024} KB"))
        atomic_write_text(self.staff_list, data)
        self.reload()
