"""The scoring panel: a judge scores the rubric from the keyboard and moves on to the next entry."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.curation.models import ABSTAIN, CONFLICT, DEFAULT_CRITERIA, DQ_DUPLICATE, DQ_OTHER, SCORED, Criterion, Verdict
from tests.fixtures.shots import save_shot
from ui.curation.scoring_panel import CLEARED, ScoringPanel
from ui.i18n import apply_language


@pytest.fixture
def panel(qtbot):
    view = ScoringPanel(DEFAULT_CRITERIA)
    qtbot.addWidget(view)
    view.resize(400, 720)
    view.show()
    qtbot.waitExposed(view)
    view.set_entry(7)
    view.setFocus()
    return view


def record(panel: ScoringPanel) -> list:
    said = []
    panel.sig_score.connect(lambda cid, value: said.append(("score", cid, value)))
    panel.sig_verdict.connect(lambda kind: said.append(("verdict", kind)))
    panel.sig_comment.connect(lambda text: said.append(("comment", text)))
    panel.sig_advance.connect(lambda: said.append(("advance",)))
    panel.sig_back.connect(lambda: said.append(("back",)))
    panel.sig_disqualify.connect(lambda reason, note: said.append(("disqualify", reason, note)))
    return said


def checked(panel: ScoringPanel) -> list[int]:
    """The score each criterion's row shows filled (0: none)."""
    return [next((int(b.text()) for b in row.buttons if b.isChecked()), 0) for row in panel.rows]


def test_four_keys_score_the_rubric_in_order_then_the_next_entry_comes(qtbot, panel):
    said = record(panel)
    for key in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_2):
        qtbot.keyClick(panel, key)

    assert said == [
        ("score", "sm6", 4),
        ("score", "originality", 3),
        ("score", "craft", 5),
        ("score", "description", 2),
        ("advance",),
    ]
    assert checked(panel) == [4, 3, 5, 2]


def test_arrows_tab_and_backspace_move_and_clear_without_leaving_the_entry(qtbot, panel):
    said = record(panel)
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    qtbot.keyClick(panel, Qt.Key.Key_Tab)
    assert panel.current_criterion().id == "craft"
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_2)  # originality, then on to craft
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_Backspace)
    assert said == [("score", "originality", 2), ("score", "originality", CLEARED)]
    assert checked(panel) == [0, 0, 0, 0]

    panel.set_auto_advance(False)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(panel, key)
    assert ("advance",) not in said  # auto-advance off: the judge moves on with Enter
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert said[-2:] == [("advance",), ("back",)]


def test_the_last_score_goes_back_to_a_skipped_criterion_instead_of_moving_on(qtbot, panel):
    said = record(panel)
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    for key in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_3):
        qtbot.keyClick(panel, key)
    assert panel.current_criterion().id == "sm6" and ("advance",) not in said
    qtbot.keyClick(panel, Qt.Key.Key_5)
    assert said[-1] == ("advance",)


def test_clicking_a_score_button_scores_that_criterion(qtbot, panel):
    said = record(panel)
    qtbot.mouseClick(panel.rows[2].buttons[4], Qt.MouseButton.LeftButton)
    assert said == [("score", "craft", 5)]
    assert panel.rows[2].buttons[4].isChecked()
    assert panel.rows[2].buttons[4].height() >= 40  # big enough to tap


def test_abstain_and_a_confirmed_conflict_of_interest(qtbot, panel):
    said = record(panel)
    qtbot.keyClick(panel, Qt.Key.Key_A)
    assert said == [("verdict", ABSTAIN), ("advance",)]
    assert panel.abstain_button.isChecked() and panel.state_label.isVisible()

    said.clear()
    panel.set_entry(8)
    qtbot.keyClick(panel, Qt.Key.Key_C)
    assert said == [] and panel.confirm_line.isVisible()  # asked first, on a line of the panel
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert said == [] and not panel.confirm_line.isVisible() and not panel.conflict_button.isChecked()
    qtbot.keyClick(panel, Qt.Key.Key_C)
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert said == [("verdict", CONFLICT), ("advance",)]
    assert panel.conflict_button.isChecked() and checked(panel) == [0, 0, 0, 0]


def test_a_verdict_arriving_keeps_the_comment_being_typed_and_the_focus(qtbot, panel):
    said = record(panel)
    panel.comment_edit.setFocus()
    qtbot.keyClicks(panel.comment_edit, "Lovely grille, but")

    panel.show_verdict(Verdict(1, 7, 2, SCORED, {"sm6": 5, "craft": 2}, "from the other machine", 10.0))
    assert panel.comment_edit.toPlainText() == "Lovely grille, but"
    assert QApplication.focusWidget() is panel.comment_edit
    assert checked(panel) == [5, 0, 2, 0]
    assert said == []

    qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert said == [("comment", "Lovely grille, but")]
    assert panel.pending_comment() is None

    panel.show_verdict(Verdict(1, 7, 2, SCORED, {"sm6": 5}, "edited elsewhere", 11.0))  # nothing typed: it follows
    assert panel.comment_edit.toPlainText() == "edited elsewhere"


def test_an_unsaved_comment_is_saved_before_moving_on(qtbot, panel):
    said = record(panel)
    panel.comment_edit.setFocus()
    qtbot.keyClicks(panel.comment_edit, "Check the wheels")
    qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Escape)  # back to scoring, the text kept
    assert panel.hasFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert said == [("comment", "Check the wheels"), ("advance",)]


def test_the_stores_echo_of_an_early_key_does_not_undo_the_keys_typed_since(qtbot, panel):
    said = record(panel)
    qtbot.keyClick(panel, Qt.Key.Key_4)
    qtbot.keyClick(panel, Qt.Key.Key_3)
    panel.show_verdict(Verdict(1, 7, 2, SCORED, {"sm6": 4}))  # saved after the first key, heard after the second
    assert checked(panel) == [4, 3, 0, 0]
    qtbot.keyClick(panel, Qt.Key.Key_5)
    qtbot.keyClick(panel, Qt.Key.Key_2)
    assert said[-1] == ("advance",)

    panel.set_entry(7, Verdict(1, 7, 2, SCORED, {"sm6": 4, "originality": 3, "craft": 5, "description": 2}))
    panel.show_verdict(Verdict(1, 7, 2, SCORED, {"sm6": 1, "originality": 3, "craft": 5, "description": 2}))
    assert checked(panel) == [1, 3, 5, 2]  # nothing typed here: a change made elsewhere shows


def test_a_new_entry_starts_at_its_first_unscored_criterion(qtbot, panel):
    panel.set_entry(9, Verdict(1, 9, 2, SCORED, {"sm6": 4, "originality": 4}))
    assert panel.current_criterion().id == "craft" and checked(panel) == [4, 4, 0, 0]


def test_a_locked_round_refuses_every_key_and_says_why(qtbot, panel):
    said = record(panel)
    panel.set_locked(True, "The result of this round is locked.")
    for key in (Qt.Key.Key_4, Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_Return, Qt.Key.Key_D):
        qtbot.keyClick(panel, key)
    assert said == [] and panel.popover is None
    assert panel.locked_label.text() == "The result of this round is locked." and panel.locked_note.isVisible()
    assert not panel.rows[0].buttons[0].isEnabled()
    panel.set_locked(False)
    qtbot.keyClick(panel, Qt.Key.Key_4)
    assert said == [("score", "sm6", 4)]


def test_disqualify_asks_for_a_reason_and_a_note_for_other(qtbot, panel):
    said = record(panel)
    qtbot.keyClick(panel, Qt.Key.Key_D)
    popover = panel.popover
    assert popover is not None and popover.isVisible()
    assert not popover.confirm_button.isEnabled() and popover.hint_label.text()

    popover.reason_buttons[DQ_OTHER].click()
    assert not popover.confirm_button.isEnabled()  # "other" needs a few words
    qtbot.keyClicks(popover.note_edit, "Logo of another brand")
    qtbot.mouseClick(popover.confirm_button, Qt.MouseButton.LeftButton)
    assert said == [("disqualify", DQ_OTHER, "Logo of another brand")]
    qtbot.waitUntil(lambda: panel.popover is None)

    qtbot.mouseClick(panel.disqualify_button, Qt.MouseButton.LeftButton)
    panel.popover.reason_buttons[DQ_DUPLICATE].click()
    panel.popover.confirm_button.click()
    assert said[-1] == ("disqualify", DQ_DUPLICATE, "")
    qtbot.waitUntil(lambda: panel.popover is None)


def test_staff_made_criteria_show_their_own_words_and_weights(qtbot):
    panel = ScoringPanel((Criterion("colour", "Colour story", 3.0), Criterion("sm6", "True to the SM6", 1.0)))
    qtbot.addWidget(panel)
    assert panel.rows[0].name_label.text() == "Colour story"
    assert panel.rows[0].weight_label.text() == "Weight 75%"


def test_the_panel_speaks_korean_and_back(qtbot, panel, back_to_english):
    panel.set_entry(7, Verdict(1, 7, 2, SCORED, {"sm6": 4, "originality": 3}, "Strong silhouette"))
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: panel.rows[0].name_label.text() == "SM6다움", timeout=5000)
        assert panel.next_button.text() == "다음"
        assert checked(panel) == [4, 3, 0, 0]  # the language changes, the scores do not
        if os.environ.get("SM6_SHOTS_DIR"):
            panel.resize(400, 760)
            save_shot(panel, "scoring_ko")
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: panel.rows[0].name_label.text() == "True to the SM6", timeout=5000)
    if os.environ.get("SM6_SHOTS_DIR"):
        panel.resize(400, 760)
        save_shot(panel, "scoring_en")
