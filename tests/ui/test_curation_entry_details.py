"""The entry's facts beside the picture, and blind rounds that hide who made it."""

from __future__ import annotations

import dataclasses
import os

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from app.curation.models import DQ_OTHER, UNREADABLE_IMAGE, Disqualification, Problem, Submission
from app.messages import Msg
from tests.fixtures.shots import save_shot
from ui.curation.entry_details import EntryDetails
from ui.i18n import apply_language
from ui.widgets.copy_field import CopyField

OWNER = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"
CONTRACT = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
METADATA_CID = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"
IMAGE_CID = "bafkreidgvpkjawlxz6sffxzwgooowe5yt7i6wsyg236mfoks77nywkptdq"
ORIGIN = "ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"
BAD_PICTURE = Msg("curation.test.unreadable", "The picture could not be read.")


def submission(**changes) -> Submission:
    base = Submission(
        key=41,
        source_key=f"chain:8217:{CONTRACT}:4817",
        source="chain",
        origin=ORIGIN,
        state="ok",
        image_sha256="ab" * 32,
        width=1024,
        height=1024,
        name="Pearl Night #4817",
        description="A pearl white SM6 under Busan's harbour lights.",
        prompt="renault sm6, pearl white, night harbour, cinematic",
        model_hash="",
        traits=(("Colour", "Pearl white"), ("Scene", "Harbour"), ("Style", "Cinematic")),
        metadata=None,
        generation=None,
        token_id=4817,
        chain_id=8217,
        contract=CONTRACT,
        owner=OWNER,
        minted_at=1_765_000_000.0,
        before_deadline=True,
        metadata_cid=METADATA_CID,
        image_cid=IMAGE_CID,
        created_at=None,
        imported_at=1_765_100_000.0,
        problem=None,
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def details(qtbot):
    panel = EntryDetails()
    qtbot.addWidget(panel)
    panel.resize(380, 760)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def every_word(root: QWidget) -> str:
    """Everything the widget tree holds as text: labels, tooltips, accessible names, fields, copy values."""
    words = []
    for widget in [root, *root.findChildren(QWidget)]:
        words += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
        if isinstance(widget, QLabel):
            words.append(widget.text())
        if isinstance(widget, QLineEdit):
            words.append(widget.text())
        if isinstance(widget, QAbstractButton):
            words.append(widget.text())
        if isinstance(widget, CopyField):
            words.append(widget.value())
        if hasattr(widget, "full_text"):
            words.append(widget.full_text())
    return "\n".join(words)


def test_the_entry_shows_its_words_traits_and_provenance(details):
    details.set_submission(submission(), duplicates=3)
    text = every_word(details)
    for expected in (
        "Pearl Night #4817",
        "harbour lights",
        "night harbour",
        "Colour: Pearl white",
        OWNER,
        "#4817",
        METADATA_CID,
        IMAGE_CID,
        ORIGIN,
        "2 other entries look the same.",
        "Minted on the campaign contract",
    ):
        assert expected in text
    assert details.minted_label.text()  # the date, as dates read everywhere
    assert details.owner_field.isVisible() and not details.blind_label.isVisible()

    details.set_submission(submission(), duplicates=2)
    assert details.duplicates_label.text() == "One other entry looks the same."


def test_a_blind_round_holds_nothing_that_identifies_the_entrant(details):
    details.set_blind(True)
    details.set_submission(submission(), duplicates=2)
    text = every_word(details)
    for secret in (OWNER, CONTRACT, "4817", METADATA_CID, IMAGE_CID, ORIGIN, details_minted_text()):
        assert secret not in text, secret
    assert "A pearl white SM6" in text and "Pearl Night #…" in text  # the work itself is still judged
    assert details.blind_label.isVisible()

    details.set_blind(False)  # the result is locked: names come back
    assert OWNER in every_word(details)


def test_a_kept_aside_or_disqualified_entry_says_why(details):
    details.set_submission(submission(problem=Problem(UNREADABLE_IMAGE, BAD_PICTURE()), name=""))
    assert details.problem_label.text() == "Kept aside: The picture could not be read."
    assert details.name_label.text() == "Untitled entry"

    dq = Disqualification(entry=41, reason=DQ_OTHER, note="Logo of another brand", judge_id=2, at=1.0)
    details.set_submission(submission(disqualified=dq, token_id=None, owner="", metadata_cid="", image_cid=""))
    assert details.problem_label.text() == "Disqualified: Other reason (Logo of another brand)"
    assert not details.fact_rows["owner"][1].isVisible() and not details.fact_rows["token"][1].isVisible()

    details.set_submission(None)
    assert details.hint_label.isVisible() and not details.name_label.text()


def test_the_details_speak_korean_and_back(qtbot, details, back_to_english):
    details.set_submission(submission(), duplicates=3)
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: details.captions["description"].text() == "설명", timeout=5000)
        assert details.fact_rows["owner"][0].text() == "소유자"
        assert "2개" in details.duplicates_label.text()
        if os.environ.get("SM6_SHOTS_DIR"):
            save_shot(details, "details_ko")
            details.set_blind(True)
            save_shot(details, "details_blind_ko")
            details.set_blind(False)
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: details.fact_rows["owner"][0].text() == "Owner", timeout=5000)
    if os.environ.get("SM6_SHOTS_DIR"):
        save_shot(details, "details_en")


def details_minted_text() -> str:
    from ui.widgets.dates import date_time_text

    return date_time_text(1_765_000_000.0)
