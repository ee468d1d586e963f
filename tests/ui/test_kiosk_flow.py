"""A walk-up visitor at the kiosk, through the real window, the tiny model and the sandbox chain: attract → design →
describe → preview → submit → thank-you → attract, Back at every step, and the next visitor sees nothing of theirs."""

from __future__ import annotations

from eth_account import Account
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.chain.networks import KAIROS
from tests.ui.kiosk_flow_helpers import WAIT_MS, tap


def test_a_visitor_designs_describes_previews_and_gets_the_token_in_their_own_wallet(qtbot, kiosk):
    window, c = kiosk.window, kiosk.controller
    kiosk.open_wallet()
    assert window.screen_name == "attract"
    tap(qtbot, window.attract.start)
    assert window.screen_name == "design"

    kiosk.generate("pearl white by the harbour")
    step = window.design
    assert step.prompt.cursorPosition() == 0  # the words shown from their start once the visitor has generated
    assert kiosk.needs_scrolling() == []
    assert not step.next.isEnabled() or c.design_vm.current_design is not None
    second = c.design_vm.variations[1]
    tap(qtbot, step.thumbs[1])  # the visitor picks the second variation
    qtbot.waitUntil(lambda: c.design_vm.current_design.id == second.id and step.thumbs[1].isChecked())
    tap(qtbot, step.next)
    assert window.screen_name == "describe"
    kiosk.draft()
    editor = window.describe.editor
    assert editor.toPlainText().strip(), "a draft written for the visitor, offline"
    tap(qtbot, window.describe.back)  # Back keeps step 1 as it was
    assert window.screen_name == "design"
    assert step.prompt.text() == "pearl white by the harbour" and step.thumbs[1].isChecked()
    tap(qtbot, step.next)
    assert window.screen_name == "describe" and editor.toPlainText().strip()  # ... and step 2 too
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, " Made at the showroom.")
    assert kiosk.needs_scrolling() == []
    tap(qtbot, window.describe.next)

    assert window.screen_name == "preview"
    preview = window.preview
    qtbot.waitUntil(lambda: preview.next.isEnabled(), timeout=WAIT_MS)
    assert preview.description.text().endswith("Made at the showroom.")
    assert preview.picture.image is not None and preview.name.text()
    assert kiosk.needs_scrolling() == []
    labels = [label for label in window.findChildren(type(preview.name)) if label.isVisible()]
    shown = " ".join(label.text() for label in labels if label is not preview.description)  # the visitor's words
    for technical in ("ipfs://", "CID", "CAR", "JSON", "Seed", "Model", "Guidance"):
        assert technical not in shown
    tap(qtbot, preview.back)
    assert window.screen_name == "describe" and editor.toPlainText().endswith("Made at the showroom.")
    tap(qtbot, window.describe.next)
    qtbot.waitUntil(lambda: preview.next.isEnabled(), timeout=WAIT_MS)
    tap(qtbot, preview.next)

    assert window.screen_name == "submit"
    submit = window.submit
    submit.address.setFocus()
    QTest.keyClicks(submit.address, "0x1234")  # a wrong address: a plain sentence, nothing sent, nothing lost
    tap(qtbot, submit.submit)
    assert submit.message.isVisible() and submit.message.text()
    assert submit.address.text() == "0x1234" and not submit.busy
    assert kiosk.needs_scrolling() == []
    tap(qtbot, submit.back)
    assert window.screen_name == "preview"
    tap(qtbot, preview.next)
    assert window.screen_name == "submit" and submit.address.text() == "0x1234"  # as the visitor left it
    visitor = Account.create().address
    submit.address.setText(visitor)
    tap(qtbot, submit.submit)
    qtbot.waitUntil(lambda: window.screen_name == "thanks", timeout=WAIT_MS)

    record = window.thanks.record
    assert record.state == "minted" and record.recipient == visitor
    assert f"#{record.token_id}" in window.thanks.text.text()
    minted = c.services.chain.mints().result(timeout=30)
    assert [(m.recipient, m.token_id) for m in minted if m.state == "minted"] == [(visitor, record.token_id)]
    # On a network with an explorer the QR code opens the token's page there (the sandbox has none).
    window.thanks.show_token(record, KAIROS, submit.picture.image)
    assert window.thanks.qr_text == f"https://kairos.kaiascan.io/nft/{record.contract}/{record.token_id}"
    assert window.thanks.qr.isVisible() and not window.thanks.qr.pixmap().isNull()
    assert kiosk.needs_scrolling() == []  # the QR code, its caption and Done all in view, in either language

    tap(qtbot, window.thanks.done)
    assert window.screen_name == "attract"
    tap(qtbot, window.attract.start)  # the next visitor: nothing of the first one's
    assert window.design.prompt.text() == "" and window.design.picture.image is None
    assert not any(b.isVisible() or not b.icon().isNull() for b in window.design.thumbs)
    assert window.describe.editor.toPlainText() == "" and window.submit.address.text() == ""
    assert window.preview.name.text() == "" and window.thanks.record is None
    assert c.services.library.count() == 0 and c.services.library.get(second.id) is None
    assert not QGuiApplication.clipboard().text()
