"""Settings → Generation: a person chooses where designs are generated, types the server's address and token, and
tests the connection (a closed port, a scripted server on 127.0.0.1 with a queue, and the real Ray Serve server);
the kiosk card's server-only policy; and the status bar's words for where jobs run, in English and Korean."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shiboken6 import isValid

from app.config import load_settings, settings_path
from app.fleet.fallback import FallbackBackend
from app.fleet.remote import RemoteBackend
from app.fleet.settings import FleetTokenStore
from app.generation.settings import GenerationSettings
from tests.fixtures.scripted_fleet import ScriptedFleet, closed_port_url
from tests.ui.settings_helpers import open_settings_page
from ui.i18n import apply_language

TOKEN = "kiosk-7-Zq3vT9xWm2LpR8sYk4Nb"


@pytest.fixture(autouse=True)
def no_env_token(monkeypatch):
    monkeypatch.delenv("SM6_FLEET_TOKEN", raising=False)


@pytest.fixture
def korean():
    apply_language("ko")
    yield
    apply_language("en")


@pytest.fixture
def page(qtbot):
    return open_settings_page(qtbot)


def type_into(field, text: str) -> None:
    field.clear()
    QTest.keyClicks(field, text)


def choose_server(page) -> object:
    section = page.place_section
    QTest.mouseClick(section.use_buttons["server"], Qt.MouseButton.LeftButton)
    return section


def test_this_computer_is_the_default_and_the_server_fields_wait_until_chosen(page):
    section = page.place_section
    assert section.use_buttons["local"].isChecked() and section.use_buttons["local"].text() == "This computer"
    assert section.title.text() == "Where designs are generated" and not section.server_box.isVisible()
    choose_server(page)
    assert section.server_box.isVisible() and section.test_button.text() == "Test connection"


def test_choosing_a_server_saves_its_address_and_the_fallback(qtbot, page):
    section = choose_server(page)
    type_into(section.url, "  https://gen.example.com/ ")
    section.fallback_check.setChecked(True)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    fleet = load_settings().fleet
    assert (fleet.use, fleet.url, fleet.allow_local_fallback) == ("server", "https://gen.example.com", True)
    text = settings_path().read_text(encoding="utf-8")
    assert "[fleet]" in text and "fleet_token" not in text and "token =" not in text


def test_a_server_without_an_address_is_refused_in_words_and_nothing_is_lost(qtbot, page):
    section = choose_server(page)
    section.fallback_check.setChecked(True)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "No generation server address is set" in page.error_banner.message()
    assert section.url.hasFocus() and section.fallback_check.isChecked()  # the edit is still there
    assert not settings_path().exists() or load_settings().fleet.use == "local"
    type_into(section.url, "gen.example.com")
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "generation server address must start with http://" in page.error_banner.message()


def test_the_token_goes_to_the_keyring_not_the_file(qtbot, page):
    section = choose_server(page)
    row = section.token_row
    type_into(row.input, TOKEN)
    QTest.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved in the system keyring" in row.status.text(), timeout=5000)
    assert FleetTokenStore().get().key == TOKEN and row.input.text() == ""
    assert TOKEN not in row.status.text()  # masked


def _test(qtbot, section, url: str, token: str = TOKEN) -> str:
    type_into(section.url, url)
    type_into(section.token_row.input, token)
    QTest.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.test_button.isEnabled, timeout=20_000)
    return section.test_result.text()


def test_testing_a_closed_port_says_the_server_cannot_be_reached(qtbot, page):
    section = choose_server(page)
    url = closed_port_url()
    said = _test(qtbot, section, url)
    assert said.startswith(f"The generation server at {url} cannot be reached.") and "Traceback" not in said


def test_testing_a_server_shows_its_device_and_queue(qtbot, page):
    section = choose_server(page)
    with ScriptedFleet(queued=2, running=1) as server:
        said = _test(qtbot, section, server.url)
    assert said == "Connected. The server generates on CUDA · NVIDIA H200; 2 designs are waiting."


def test_testing_the_real_server_shows_its_device_and_a_refused_token(qtbot, page, fleet_server):
    section = choose_server(page)
    token = fleet_server.issue("kiosk-settings-test")
    try:
        said = _test(qtbot, section, fleet_server.url, token)
        assert said.startswith("Connected. The server generates on CPU")
        said = _test(qtbot, section, fleet_server.url, "not-a-token-of-this-server")
        assert "does not accept this computer's token" in said
    finally:
        fleet_server.revoke("kiosk-settings-test")


def test_a_connection_test_is_said_again_in_korean(qtbot, page, korean):
    section = choose_server(page)
    assert section.use_buttons["server"].text() != "A generation server"
    with ScriptedFleet(queued=0) as server:
        said = _test(qtbot, section, server.url)
    assert "CUDA · NVIDIA H200" in said and "Connected" not in said


def test_the_kiosk_card_saves_the_server_only_policy_at_once(qtbot, page):
    card = page.showroom_card
    assert card.server_only_check.text() == "Kiosks generate on the server only"
    card.server_only_check.click()
    assert load_settings().fleet.kiosk_server_only
    assert card.message.text() == "From the next start, kiosks generate on the server only."
    section = choose_server(page)  # the page's own Save afterwards keeps the policy
    type_into(section.url, "http://127.0.0.1:8000")
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    fleet = load_settings().fleet
    assert fleet.kiosk_server_only and fleet.use == "server"


# ----- the status bar -----


@pytest.fixture
def window(qtbot):
    from ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    return w


def _place(backend, window):
    from ui.engine_bridge import EngineBridge
    from ui.generation_place import GenerationPlace

    bridge = EngineBridge(backend)
    place = GenerationPlace(backend, bridge, window)
    return place, bridge


def _close(place, bridge, backend) -> None:
    place.stop()
    bridge.close()
    backend.shutdown(2.0)
    place.deleteLater()
    bridge.deleteLater()


def test_the_status_bar_says_this_computer_for_a_local_engine(qtbot, window):
    from app.generation.engine import Engine
    from app.generation.registry import ModelRegistry

    backend = Engine(ModelRegistry([]), GenerationSettings)
    place, bridge = _place(backend, window)
    try:
        assert window.status_texts()[1] == "This computer · CPU" and not place.timer.isActive()
    finally:
        _close(place, bridge, backend)


def test_a_model_load_that_arrives_after_the_window_closed_is_ignored(qtbot):
    """A model load queued before the window closed used to reach its deleted status bar and raise."""
    from app.generation import events as ev
    from app.generation.engine import Engine
    from app.generation.registry import ModelRegistry
    from ui.main_window import MainWindow

    window = MainWindow()
    backend = Engine(ModelRegistry([]), GenerationSettings)
    place, bridge = _place(backend, window)
    try:
        window.deleteLater()
        qtbot.waitUntil(lambda: not isValid(window), timeout=2000)
        place._on_model_loaded(ev.ModelLoaded("m", "Model", "CUDA · NVIDIA H100", 1.0))
        assert not place.timer.isActive()
    finally:
        _close(place, bridge, backend)


def test_the_status_bar_shows_the_server_device_and_queue_and_korean(qtbot, window):
    with ScriptedFleet(queued=2) as server:
        backend = RemoteBackend(server.url, TOKEN, timeout_s=5)
        place, bridge = _place(backend, window)
        try:
            assert place.timer.isActive() and place.timer.interval() == 10_000  # asked again every 10 s
            place.check()
            qtbot.waitUntil(lambda: window.status_texts()[1] == "Server · CUDA · NVIDIA H200 · 2 waiting", timeout=5000)
            apply_language("ko")
            try:
                qtbot.waitUntil(
                    lambda: window.status_texts()[1] == "서버 · CUDA · NVIDIA H200 · 2개 대기 중", timeout=5000
                )
            finally:
                apply_language("en")
        finally:
            _close(place, bridge, backend)


def test_the_status_bar_warns_when_the_server_is_unreachable(qtbot, window):
    backend = RemoteBackend(closed_port_url(), TOKEN, timeout_s=5)
    place, bridge = _place(backend, window)
    try:
        place.check()
        qtbot.waitUntil(lambda: not place._asking, timeout=5000)
        assert window.status_texts()[1] == "Server unreachable"
        assert window._device_item._icon_name == "warning" and window._device_item._tone == "warning"
    finally:
        _close(place, bridge, backend)


def test_the_status_bar_says_when_the_server_refuses_the_token(qtbot, window):
    with ScriptedFleet(models_reply=(403, {"error": "revoked"})) as server:
        backend = RemoteBackend(server.url, TOKEN, timeout_s=5)
        place, bridge = _place(backend, window)
        try:
            place.check()
            qtbot.waitUntil(lambda: window.status_texts()[1] == "Server refuses this computer's token", timeout=5000)
            assert window._device_item._tone == "warning"
        finally:
            _close(place, bridge, backend)


def test_the_status_bar_says_when_a_job_ran_here_instead(qtbot, window, tiny_sd15, models_dir, tmp_path):
    from app.generation.registry import ModelRegistry
    from app.library.store import Library
    from app.services import local_backend
    from tests.app.engine_helpers import quick_request

    registry = ModelRegistry([models_dir])
    registry.scan()
    library = Library.open(tmp_path / "data")
    here = GenerationSettings(device="cpu")
    backend = FallbackBackend(
        RemoteBackend(closed_port_url(), TOKEN, timeout_s=5), lambda: local_backend(registry, library, lambda: here)
    )
    place, bridge = _place(backend, window)
    try:
        with qtbot.waitSignal(bridge.sig_job_finished, timeout=60_000):
            backend.submit(quick_request(model_id="tiny-sd15"))
        qtbot.waitUntil(lambda: window.status_texts()[1] == "This computer · CPU (server unreachable)", timeout=5000)
        assert window._device_item._tone == "warning"
    finally:
        _close(place, bridge, backend)
        library.close()


def test_the_window_generates_on_the_server_the_settings_name(qtbot):
    from app.config import Settings, save_settings
    from app.fleet.settings import FleetSettings
    from tests.ui.studio_helpers import close_app, open_app

    FleetTokenStore().set(TOKEN)
    with ScriptedFleet(queued=3) as server:
        save_settings(Settings(fleet=FleetSettings(use="server", url=server.url)))
        app = open_app(qtbot)
        try:
            assert isinstance(app.services.backend.current, RemoteBackend) and app.place.timer.isActive()
            app.place.check()
            qtbot.waitUntil(
                lambda: app.window.status_texts()[1] == "Server · CUDA · NVIDIA H200 · 3 waiting", timeout=5000
            )
        finally:
            close_app(app)
        assert not app.place.timer.isActive()  # stopped with the window: nothing polls a server after quitting


# ----- a change of place applies without a restart -----


def _save(page) -> None:
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_saving_a_server_moves_generation_there_at_once_and_back(qtbot):
    from tests.ui.studio_helpers import close_app, open_app

    FleetTokenStore().set(TOKEN)
    with ScriptedFleet(queued=3) as server:
        app = open_app(qtbot)
        try:
            status = lambda: app.window.status_texts()[1]  # noqa: E731
            assert status() == "This computer · CPU" and not app.place.timer.isActive()
            app.window.show_workspace("settings")
            page = app.settings_page
            section = choose_server(page)
            type_into(section.url, server.url)
            _save(page)
            qtbot.waitUntil(lambda: status() == "Server · CUDA · NVIDIA H200 · 3 waiting", timeout=5000)
            assert app.place.timer.isActive() and not section.when_caption.isVisible()  # nothing to wait for
            type_into(section.token_row.input, "kiosk-8-Qw7eR4tY")  # a new token reaches the client, no restart
            QTest.mouseClick(section.token_row.save_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: app.services.backend.current._conn.token == "kiosk-8-Qw7eR4tY", timeout=5000)
            QTest.mouseClick(section.use_buttons["local"], Qt.MouseButton.LeftButton)
            _save(page)
            qtbot.waitUntil(lambda: status() == "This computer · CPU", timeout=5000)
            assert not app.place.timer.isActive()  # this computer is not polled
        finally:
            close_app(app)


def test_a_change_saved_while_a_design_is_made_applies_once_it_is_finished(qtbot, tiny_sd15, tmp_path):
    import threading

    from app.generation import events as ev
    from app.library.saver import LibrarySaver
    from tests.app.engine_helpers import quick_request
    from tests.ui.studio_helpers import close_app, open_app

    FleetTokenStore().set(TOKEN)
    with ScriptedFleet(models=[], device="CUDA · NVIDIA H100") as server:
        app = open_app(qtbot)
        try:
            status = lambda: app.window.status_texts()[1]  # noqa: E731
            backend, saver, go_on = app.services.backend, LibrarySaver(app.services.library), threading.Event()
            backend.set_image_sink(lambda image: go_on.wait(60) and saver.keep(image))  # holds the design
            finished: list = []
            app.bridge.sig_job_finished.connect(finished.append)
            job = backend.submit(quick_request(model_id="tiny-sd15"))
            qtbot.waitUntil(lambda: bool(app.design_vm.jobs) and app.design_vm.busy, timeout=60_000)
            app.window.show_workspace("settings")
            page = app.settings_page
            section = choose_server(page)
            type_into(section.url, server.url)
            _save(page)
            assert section.when_caption.isVisible()
            assert section.when_caption.text() == "Applies once the design being generated now is finished."
            assert status() == "This computer · CPU"  # still here while the design is made
            page.grab().save(str(tmp_path / "waiting.png"))
            go_on.set()
            qtbot.waitUntil(lambda: status() == "Server · CUDA · NVIDIA H100", timeout=60_000)
            # the switch and the design's arrival are two queued deliveries: either may reach the window first
            qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
            assert [e.job.id for e in finished] == [job.id] and app.services.library.get(finished[0].designs[0].id)
            assert not section.when_caption.isVisible()
            qtbot.waitUntil(lambda: app.design_page.currentWidget() is app.first_run, timeout=5000)  # its models: none
            assert [m.id for m in app.design_vm.backend.models()] == []
            assert isinstance(finished[0], ev.JobFinished)
        finally:
            close_app(app)
