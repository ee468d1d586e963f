"""Compare: the AI draft and the person's text as one inline diff, so every edit is easy to review.

Words the person removed are struck through and words they added are underlined, each on a tint as well (colour is
never the only sign, STYLE.md). The diff is by word and keeps the spacing and line breaks of both texts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from ui.theme import Theme

_TOKENS = re.compile(r"\s+|\S+")
TINT = 0.28  # how strongly the success/danger colour shows behind a changed word

Kind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Piece:
    kind: Kind
    text: str


def diff_pieces(ai: str, mine: str) -> list[Piece]:
    """The AI draft turned into the person's text: what stayed, what was removed, what was added, in order."""
    a, b = _TOKENS.findall(ai), _TOKENS.findall(mine)
    pieces: list[Piece] = []
    # Spaces never anchor a match: a rewrite is one change, not words interleaved on the spaces they share.
    matcher = difflib.SequenceMatcher(isjunk=str.isspace, a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(pieces, "same", "".join(b[j1:j2]))
            continue
        if tag in ("replace", "delete"):
            _append(pieces, "removed", "".join(a[i1:i2]))
        if tag in ("replace", "insert"):
            _append(pieces, "added", "".join(b[j1:j2]))
    return pieces


def _append(pieces: list[Piece], kind: Kind, text: str) -> None:
    if not text or (kind == "removed" and text.isspace()):  # spacing: the person's own is the one shown
        return
    if kind == "added" and text.isspace():  # a change of spacing alone is not worth a mark
        kind = "same"
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))


def show_diff(document: QTextDocument, ai: str, mine: str, theme: Theme) -> None:
    """Fill `document` with the inline diff of `ai` → `mine` (plain text, formats only; nothing read as markup)."""
    document.clear()
    cursor = QTextCursor(document)
    formats = {"same": QTextCharFormat(), "removed": _format(theme, "danger"), "added": _format(theme, "success")}
    formats["removed"].setFontStrikeOut(True)
    formats["added"].setFontUnderline(True)
    previous: Piece | None = None
    for piece in diff_pieces(ai, mine):
        if previous is not None and previous.kind == "removed" and piece.kind == "added":
            if not previous.text[-1:].isspace() and not piece.text[:1].isspace():
                cursor.insertText(" ", formats["same"])  # "old new", never "oldnew": a replaced word stays readable
        cursor.insertText(piece.text, formats[piece.kind])
        previous = piece


def _format(theme: Theme, variant: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    base, tint = QColor(theme.surface), QColor(theme.color(variant))
    mix = [round(x + (y - x) * TINT) for x, y in zip(base.getRgb()[:3], tint.getRgb()[:3], strict=True)]
    fmt.setBackground(QColor(*mix))
    fmt.setForeground(QColor(theme.text))
    return fmt
