"""Compare in the Describe workspace: the AI draft turned into the person's text, every removed word and every added
word marked (struck through, underlined, each on a tint), whatever was changed and however the text is spaced."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from ui.describe.compare import diff_pieces, show_diff
from ui.theme import current_theme

AI = "A calm pearl white SM6 by the sea."


def _marked(ai: str, mine: str) -> tuple[list[str], list[str]]:
    pieces = diff_pieces(ai, mine)
    removed = [p.text.strip() for p in pieces if p.kind == "removed"]
    return removed, [p.text.strip() for p in pieces if p.kind == "added"]


@pytest.mark.parametrize(
    ("mine", "removed", "added"),
    [
        (AI, [], []),  # unchanged: nothing marked
        ("A bold pearl white SM6 by the sea.", ["calm"], ["bold"]),  # a word replaced
        ("A calm pearl white SM6 by the sea. Made in Busan.", [], ["Made in Busan."]),  # added at the end
        ("Truly a calm pearl white SM6 by the sea.", ["A"], ["Truly a"]),  # added at the start
        ("A calm white SM6 by the sea.", ["pearl"], []),  # removed only
        ("A calm pearl white SM6\nby the sea.", [], []),  # a line break for a space is not an edit
        ("", [AI], []),  # everything removed
        ("부산의 밤을 닮은 SM6.", [AI], ["부산의 밤을 닮은 SM6."]),  # rewritten in Korean
    ],
    ids=["same", "replaced", "added-end", "added-start", "removed", "respaced", "emptied", "rewritten"],
)
def test_every_removed_and_added_word_is_marked(mine, removed, added):
    assert _marked(AI, mine) == (removed, added)
    pieces = diff_pieces(AI, mine)
    assert "".join(p.text for p in pieces if p.kind != "removed") == mine  # what is not struck out reads as mine


@pytest.mark.parametrize("mine", ["A bold pearl white SM6 by the sea. Made in Busan.", "Nothing alike at all", ""])
def test_the_pane_strikes_removed_and_underlines_added_words(qapp, mine):
    document = QTextDocument()
    show_diff(document, AI, mine, current_theme())
    removed, added = [], []
    block = document.firstBlock()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.fontStrikeOut():
                removed.append(fragment.text().strip())
            elif fmt.fontUnderline():
                added.append(fragment.text().strip())
            iterator += 1
        block = block.next()
    assert (removed, added) == _marked(AI, mine)
    text = document.toPlainText()
    assert all(word in text for word in AI.split()) and all(word in text for word in mine.split())
