"""The Token workspace reflows instead of clipping: one page that scrolls as a whole (no small inner scroll box), the
listing beside the image where there is room and under it where there is not, every line of the title, description
and traits at its full height, and the proof of a mint (token id, owner, contract, explorer links) in view without
scrolling on a 1280×800 screen."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QScrollArea

from app.chain.networks import KAIROS, SANDBOX
from app.kiosk import policy_for
from tests.fixtures.designs import add_plain_design
from tests.ui.token_helpers import token_ready, token_view_for
from ui.theme import apply_theme
from ui.token.token_listing import WIDE_MIN
from ui.token.token_view import TokenView

LONG_KO = "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 은은하게 빛납니다. " * 8
PROMPT = "pearl white SM6 with rose-gold trim under Busan's harbour lights, long exposure, wet asphalt"
OWNER = "0xBa85FCe8106BBac9F6f2E1f2b7F37FfeB7772ACB"
CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3"

# The workspace at each window size: the window less the navigation rail and the status bar.
SIZES = {
    "minimum 1024×680": (936, 640),
    "1280×800": (1192, 760),
    "1920×1080": (1832, 1040),
    "kiosk 1920×1080": (1824, 1032),
    "kiosk 1280×800": (1184, 752),
    "narrow 700×900": (640, 860),
}


@pytest.fixture
def design(library):
    design = add_plain_design(library, PROMPT, size=(512, 384), colour=(190, 196, 214))
    library.save_description(design.id, "ko", LONG_KO)
    return design


def _record(token_id: int = 12) -> SimpleNamespace:
    return SimpleNamespace(token_id=token_id, recipient=OWNER, contract=CONTRACT, tx_hash="0x" + "ab" * 32)


def _open(qtbot, library, design, size, kiosk=False) -> TokenView:
    apply_theme(QGuiApplication.instance(), "dark", policy=policy_for(kiosk))
    view = token_view_for(library)
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_design(design)
    view.show()
    qtbot.waitExposed(view)
    token_ready(qtbot, view)
    qtbot.waitUntil(lambda: view.preview.wide == (view.scroll.viewport().width() - 48 >= WIDE_MIN))
    # An arrangement that changed asks the scroll area to lay the page out again, on the next pass.
    qtbot.waitUntil(lambda: view.scroll.widget().width() <= view.scroll.viewport().width())
    return view


def _in_viewport(view: TokenView, widget) -> QRect:
    viewport = view.scroll.viewport()
    return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())


@pytest.fixture(autouse=True)
def back_to_desktop(qapp):
    yield
    apply_theme(qapp, "dark")


@pytest.mark.parametrize("where", list(SIZES))
def test_the_page_reflows_and_nothing_is_clipped(qtbot, library, design, where, tmp_path):
    kiosk = where.startswith("kiosk")
    view = _open(qtbot, library, design, SIZES[where], kiosk)
    # One scroll area: the page's. Nothing of the listing is shut in a box of its own.
    assert view.findChildren(QScrollArea) == [view.scroll]
    page = view.scroll.widget()
    viewport = view.scroll.viewport()
    assert page.width() <= viewport.width()  # never wider than the window: nothing cut off at the right
    for label in (view.name, view.description):
        assert label.height() >= label.heightForWidth(label.width()), f"{label.accessibleName()} clipped"
        assert _in_viewport(view, label).right() <= viewport.width()
    for label in view.traits_box.findChildren(QLabel):
        assert label.isVisibleTo(view)
        box = QRect(label.mapTo(view.traits_box, QPoint(0, 0)), label.size())
        assert view.traits_box.rect().contains(box), f"trait {label.text()} clipped"
    stacked = SIZES[where][0] - 48 < WIDE_MIN
    assert view.preview.wide is not stacked
    image, listing = _in_viewport(view, view.image_card), _in_viewport(view, view.proof)
    if stacked:
        assert listing.top() > image.bottom()  # under the picture, full width
    else:
        assert listing.left() > image.right()  # beside it
        assert image.bottom() <= viewport.height()  # the whole picture in view
    assert view.image_card.height() >= view.image_card.minimumHeight()
    view.grab().save(str(tmp_path / f"token-{where}.png"))


@pytest.mark.parametrize("where", ["minimum 1024×680", "1280×800", "1920×1080", "kiosk 1920×1080"])
@pytest.mark.parametrize("network", [SANDBOX, KAIROS], ids=["sandbox", "kairos"])
def test_the_proof_of_a_mint_is_in_view_without_scrolling(qtbot, library, design, where, network, tmp_path):
    view = _open(qtbot, library, design, SIZES[where], where.startswith("kiosk"))
    view.show_mint(_record(), network)
    qtbot.wait(10)  # the links' row grows on the next layout pass
    assert view.token_id.text() == "#12" and view.owner.full_text() == OWNER and view.contract.full_text() == CONTRACT
    assert view.mint_chip.text() == "minted" and view.chain.text() == network.name
    viewport = view.scroll.viewport().rect()
    assert view.scroll.verticalScrollBar().value() == 0
    shown = [view.token_id, view.owner, view.contract, view.mint_chip]
    if network.explorer:  # Kairos has KaiaScan: the token and its transaction are a click away
        assert view.proof.token_link.isVisibleTo(view) and view.proof.tx_link.isVisibleTo(view)
        assert view.proof.token_link.property("url") == network.token_url(12, CONTRACT)
        shown += [view.proof.token_link, view.proof.tx_link]
    else:  # the sandbox has no explorer: no dead links
        assert not view.proof.token_link.isVisibleTo(view) and not view.proof.tx_link.isVisibleTo(view)
    for widget in shown:
        assert viewport.contains(_in_viewport(view, widget)), f"{widget.objectName() or widget} needs scrolling"
    assert viewport.contains(_in_viewport(view, view.mint_button))  # and so does what to do next
    view.grab().save(str(tmp_path / f"token-minted-{where}-{network.key}.png"))


def test_a_new_design_shows_not_minted_again(qtbot, library, design):
    view = _open(qtbot, library, design, SIZES["1280×800"])
    view.show_mint(_record(), KAIROS)
    other = add_plain_design(library, "gold wheels at dusk")
    library.save_description(other.id, "ko", "금빛 휠의 SM6.")
    view.set_design(other)
    assert view.token_id.text() == "not minted yet" and view.owner.full_text() == "—"  # at once, while it loads
    token_ready(qtbot, view)
    assert view.token_id.text() == "not minted yet" and view.owner.full_text() == "—"
    assert not view.proof.token_link.isVisibleTo(view) and view.mint_button.isEnabled()
