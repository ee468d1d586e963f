"""Publishing from the Token workspace: each state visible, the outbox surviving a restart, and a real node on
127.0.0.1 (tests/fixtures/kubo_server.py) receiving exactly the bytes the token names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.kiosk import KIOSK
from app.token.assemble import assemble_token
from app.token.publish import Outbox
from app.token.publish_settings import PublishSettings
from app.token.publisher import NOT_SET_UP, Publisher, outbox_path
from tests.fixtures.designs import add_plain_design
from tests.fixtures.shots import save_shot
from tests.ui.token_helpers import open_token_view
from tests.ui.waits import laid_out
from ui.theme import apply_theme
from ui.token.publish_card import OFFLINE, PINNED
from ui.token.publish_queue import PublishQueue

KO = "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 은은하게 빛납니다."
WAIT_MS = 10_000


@pytest.fixture
def design(library):
    design = add_plain_design(library, size=(96, 64))
    library.save_description(design.id, "ko", KO)
    return design


class App:
    """The Token view wired to a real Publisher over the outbox in the data folder, as the app wires it."""

    def __init__(self, qtbot, library, design, data_dir: Path, settings: PublishSettings, retry_ms: int = 30_000):
        self.settings = settings
        self.publisher = Publisher(Outbox(outbox_path(data_dir)), lambda: self.settings, timeout_s=5)
        self.view = open_token_view(qtbot, library, design, prepare=lambda view: self._wire(view, retry_ms))
        self.queue.start()
        qtbot.waitUntil(lambda: not self.queue.busy, timeout=WAIT_MS)

    def _wire(self, view, retry_ms: int) -> None:
        self.queue = PublishQueue(self.publisher, view, retry_ms=retry_ms)
        view.set_publish_queue(self.queue)

    @property
    def card(self):
        return self.view.publish_card

    def close(self, qtbot) -> None:
        qtbot.waitUntil(lambda: not self.queue.busy, timeout=WAIT_MS)
        self.queue.stop()
        self.publisher.close()
        self.view.close()


@pytest.fixture
def make_app(qtbot, library, design, tmp_path):
    opened: list[App] = []

    def make(settings: PublishSettings, retry_ms: int = 30_000) -> App:
        app = App(qtbot, library, design, tmp_path / "data", settings, retry_ms)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close(qtbot)


def test_publish_uploads_exactly_the_tokens_bytes_and_says_pinned(qtbot, make_app, library, design, kubo_node):
    app = make_app(PublishSettings(kubo_url=kubo_node.base_url))
    assert app.card.isVisible() and app.card.chip.text() == "Local only" and app.card.button.isEnabled()
    app.card.button.click()
    qtbot.waitUntil(lambda: app.card.chip.text() == "Pinned", timeout=WAIT_MS)
    assert app.card.text.text() == PINNED and not app.card.button.isVisible()
    draft = assemble_token(library, design, language="ko")
    assert kubo_node.stored[draft.image_cid] == draft.image_bytes
    assert kubo_node.stored[draft.metadata_cid] == draft.metadata_bytes
    save_shot(app.view, "token-pinned")


def test_offline_waits_survives_a_restart_and_publishes_by_itself(qtbot, make_app, kubo_node_down):
    settings = PublishSettings(kubo_url=kubo_node_down.base_url)
    first = make_app(settings)
    first.card.button.click()
    qtbot.waitUntil(lambda: first.card.chip.text() == "Waiting for the network", timeout=WAIT_MS)
    assert first.card.text.text() == OFFLINE and first.card.chip.variant() == "warning"
    save_shot(first.view, "token-offline")
    first.close(qtbot)

    # The next start finds the job in the outbox and shows it before anything is clicked…
    kubo_node_down.start()
    second = make_app(settings, retry_ms=200)
    # …and publishes it on its own once the node is back.
    qtbot.waitUntil(lambda: second.card.chip.text() == "Pinned", timeout=WAIT_MS)
    assert len(kubo_node_down.adds()) == 2


def test_node_with_other_settings_fails_with_the_reason_and_retry_fixes_it(qtbot, make_app, kubo_node):
    kubo_node.mode = "legacy"
    app = make_app(PublishSettings(kubo_url=kubo_node.base_url))
    app.card.button.click()
    qtbot.waitUntil(lambda: app.card.chip.text() == "Failed", timeout=WAIT_MS)
    assert "other chunker or CID settings" in app.card.text.text() and app.card.button.text() == "Retry"
    assert app.card.chip.variant() == "danger"
    laid_out(qtbot, app.view)  # the strip grows on the next layout pass
    save_shot(app.view, "token-failed")
    kubo_node.mode = "ok"
    app.card.button.click()
    qtbot.waitUntil(lambda: app.card.chip.text() == "Pinned", timeout=WAIT_MS)


def test_nothing_set_up_queues_and_says_where_to_set_it_up(qtbot, make_app):
    app = make_app(PublishSettings())
    app.card.button.click()
    qtbot.waitUntil(lambda: app.card.chip.text() == "Queued" and not app.queue.busy, timeout=WAIT_MS)
    assert NOT_SET_UP in app.card.text.text()


def test_a_token_without_its_description_cannot_be_published(qtbot, library, tmp_path, kubo_node):
    bare = add_plain_design(library, "no words yet")
    app = App(qtbot, library, bare, tmp_path / "data", PublishSettings(kubo_url=kubo_node.base_url))
    try:
        assert app.card.button.isVisible() and not app.card.button.isEnabled()
    finally:
        app.close(qtbot)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_kiosk_resolution_screenshots(qtbot, make_app, kubo_node, theme):
    apply_theme(QGuiApplication.instance(), theme, policy=KIOSK)
    try:
        app = make_app(PublishSettings(kubo_url=kubo_node.base_url))
        app.view.resize(1920 - 96, 1080 - 48)  # the window at full HD, less the rail and the status bar
        qtbot.mouseClick(app.card.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.card.chip.text() == "Pinned", timeout=WAIT_MS)
        assert app.card.button.isHidden() and app.view.mint_button.height() >= 64  # a kiosk-sized touch target
        save_shot(app.view, f"token-kiosk-{theme}")
    finally:
        apply_theme(QGuiApplication.instance(), "dark")


def test_settings_keep_the_addresses_in_the_file_and_the_token_in_the_keyring(qtbot):
    from app.config import Settings, load_settings
    from app.token.publish_settings import PinningTokenStore
    from ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.open()
    card = dialog.publish_card
    qtbot.waitUntil(lambda: "No pinning token" in card.token_row.status.text(), timeout=WAIT_MS)

    card.kubo_url.setText("127.0.0.1:5001")  # no scheme: explained, nothing saved, nothing typed is lost
    with qtbot.assertNotEmitted(dialog.sig_settings_changed):
        dialog.save_button.click()
    assert dialog.error_banner.isVisible() and "http://" in dialog.error_banner.message_label.text()
    assert card.kubo_url.text() == "127.0.0.1:5001" and card.kubo_url.hasFocus()

    card.kubo_url.setText(" http://127.0.0.1:5001/ ")
    card.pinning_endpoint.setText("https://pin.example/psa")
    token = "psa-token-0123456789abcdef"
    card.token_row.input.setText(token)
    card.token_row.save_button.click()
    qtbot.waitUntil(lambda: "system keyring" in card.token_row.status.text(), timeout=WAIT_MS)
    assert token not in card.token_row.status.text() and card.token_row.status.text().endswith("(…cdef).")
    save_shot(dialog, "settings-publishing")
    save_shot(card, "settings-publishing-card")
    with qtbot.waitSignal(dialog.sig_settings_changed, timeout=WAIT_MS):
        dialog.save_button.click()
    saved = load_settings().publish
    assert (saved.kubo_url, saved.pinning_endpoint) == ("http://127.0.0.1:5001", "https://pin.example/psa")
    assert PinningTokenStore().get().key == token
