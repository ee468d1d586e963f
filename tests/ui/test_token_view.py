"""The Token workspace renders a real design from a real Library as a marketplace listing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from app.token.assemble import assemble_token
from app.token.car import read_car
from app.token.cid import KUBO_LEGACY
from tests.fixtures.designs import add_plain_design
from tests.ui.token_helpers import open_token_view, token_ready, token_view_for
from ui.theme import apply_theme
from ui.token.token_widgets import TraitChip, format_trait

KO = "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 은은하게 빛납니다."
EN = "A pearl white SM6 that looks like a Busan night, its rose-gold trim catching the harbour lights."


def add_design(library, prompt: str = "pearl white with rose-gold trim"):
    return add_plain_design(library, prompt, size=(96, 64))


@pytest.fixture
def design(library):
    design = add_design(library)
    library.save_description(design.id, "ko", KO)
    library.save_description(design.id, "en", EN)
    return design


@pytest.fixture
def view(qtbot, library, design):
    return open_token_view(qtbot, library, design)


def chips(view) -> dict[str, str]:
    found = view.traits_box.findChildren(TraitChip)
    return {c.type_label.text(): c.value_label.text() for c in found if c.isVisibleTo(view)}


def test_empty_state_offers_the_library(qtbot, library):
    view = token_view_for(library)
    qtbot.addWidget(view)
    assert view.pages.currentIndex() == 0
    with qtbot.waitSignal(view.sig_pick_design):
        view.empty.primary_button.click()


def test_every_field_renders(view, library, design, tmp_path):
    draft = assemble_token(library, design, language="ko")
    assert view.pages.currentIndex() == 1
    assert view.name.text() == draft.metadata["name"]
    assert view.description.text() == KO
    shown = chips(view)
    for attribute in draft.metadata["attributes"]:
        assert shown[attribute["trait_type"]] == format_trait(attribute)[0]
    assert view.metadata_link.value() == f"ipfs://{draft.metadata_cid}"
    assert view.image_link.value() == f"ipfs://{draft.image_cid}"
    assert view.metadata_cid.value() == draft.metadata_cid
    assert view.image_cid.value() == draft.image_cid
    assert view.mint_chip.text() == "not minted yet"
    assert view.token_id.text() == "not minted yet"
    assert view.chain.text() == "Kaia"
    assert view.contract.text() == view.owner.text() == "—"
    assert view.mint_button.isEnabled() and not view.problems.isVisible()
    assert view.image_card.backdrop().name().upper() == "#" + draft.metadata["background_color"].upper()
    view.grab().save(str(tmp_path / "token-dark.png"))
    apply_theme(QGuiApplication.instance(), "light")
    view.grab().save(str(tmp_path / "token-light.png"))
    assert (tmp_path / "token-dark.png").stat().st_size > 0
    assert (tmp_path / "token-light.png").stat().st_size > 0


def test_trait_values_are_formatted():
    assert format_trait({"trait_type": "Seed", "value": 7, "display_type": "number"}) == ("7", True)
    assert format_trait({"trait_type": "Guidance", "value": 7.5, "display_type": "number"}) == ("7.5", True)
    assert format_trait({"trait_type": "Keep", "value": 40, "display_type": "boost_percentage"}) == ("40%", True)
    text, numeric = format_trait({"trait_type": "Created", "value": 1767225600, "display_type": "date"})
    assert numeric and "2026" in text and "1767225600" not in text
    assert format_trait({"trait_type": "Trim", "value": "<b>Inspire</b>"}) == ("<b>Inspire</b>", False)


def test_switching_language_changes_description_and_cid(qtbot, view):
    ko_cid = view.metadata_cid.value()
    view.language_buttons["en"].click()
    token_ready(qtbot, view)
    assert view.description.text() == EN
    assert view.draft.language == "en"
    assert view.metadata_cid.value() != ko_cid
    view.language_buttons["ko"].click()
    token_ready(qtbot, view)
    assert view.metadata_cid.value() == ko_cid


def test_legacy_profile_shows_qm_cids(qtbot, view):
    assert view.metadata_cid.value().startswith("bafk")
    view.profile_combo.setCurrentIndex(1)
    token_ready(qtbot, view)
    assert view.draft.profile == KUBO_LEGACY
    assert view.metadata_cid.value().startswith("Qm")
    assert view.image_cid.value().startswith("Qm")
    assert view.metadata_link.value() == f"ipfs://{view.metadata_cid.value()}"


def test_copy_buttons_put_the_cid_on_the_clipboard(view):
    clipboard = QGuiApplication.clipboard()
    view.metadata_cid.button.click()
    assert clipboard.text() == view.draft.metadata_cid
    view.image_cid.button.click()
    assert clipboard.text() == view.draft.image_cid
    view.metadata_link.button.click()
    assert clipboard.text() == f"ipfs://{view.draft.metadata_cid}"
    view.image_link.button.click()
    assert clipboard.text() == f"ipfs://{view.draft.image_cid}"


def test_missing_description_warns_and_blocks_minting(qtbot, library, tmp_path):
    design = add_design(library, "<b>red</b> SM6")
    library.save_description(design.id, "ko", KO)
    view = token_view_for(library)
    qtbot.addWidget(view)
    view.set_design(design)
    view.show()
    token_ready(qtbot, view)
    assert view.mint_button.isEnabled()
    view.set_language("en")
    token_ready(qtbot, view)
    assert view.problems.isVisible()
    assert view.problems.severity() == "warning"
    assert "The description is" in view.problems.message()
    assert view.problems.message() == " ".join(view.draft.problems)
    assert not view.mint_button.isEnabled()
    with qtbot.assertNotEmitted(view.sig_mint_requested):
        view._on_mint_clicked()
    assert "<b>red</b>" in view.name.text()  # outside text stays plain
    view.grab().save(str(tmp_path / "token-missing.png"))


def test_mint_emits_the_ready_draft(qtbot, view):
    with qtbot.waitSignal(view.sig_mint_requested) as blocker:
        view.mint_button.click()
    assert blocker.args[0] is view.draft and view.draft.ready


def test_json_tab_shows_the_exact_bytes(view):
    view.tabs.setCurrentIndex(1)
    assert view.tab_stack.currentIndex() == 1
    assert view.json_text.isReadOnly()
    assert view.json_text.toPlainText() == view.draft.metadata_bytes.decode("utf-8")


def test_export_car_reads_back(view, tmp_path):
    path = view.export_car_to(tmp_path / "token.car")
    roots, blocks = read_car(path)
    assert roots[0] == view.draft.metadata_cid
    assert view.draft.image_cid in roots
    assert blocks


def test_refresh_picks_up_an_edited_description(qtbot, view, library, design):
    library.save_description(design.id, "ko", KO + " 새 문장.")
    view.refresh()
    token_ready(qtbot, view)
    assert view.description.text().endswith("새 문장.")
