"""Where designs are generated ([fleet] in settings.toml): a round trip through the real file, hostile tables reset
with a reason, the server's token kept in the keyring (keyrings.alt's file backend, chosen by tests/conftest.py),
never in the file, and the address checked in words."""

from __future__ import annotations

import keyring
import pytest

from app.config import Settings, load_settings, read_settings, save_settings, settings_path
from app.errors import InputError, UserFacingError
from app.fleet.settings import FleetSettings, FleetTokenStore, server_address
from app.secret_store import InvalidApiKey

TOKEN = "sm6k_7fQ2vT9xWm2LpR8sYk4NbH7cJf6GdE1aUo5iK"


@pytest.fixture(autouse=True)
def no_env_token(monkeypatch):
    monkeypatch.delenv("SM6_FLEET_TOKEN", raising=False)


def test_the_choice_survives_a_round_trip_through_the_file():
    chosen = FleetSettings(
        use="server", url="https://gen.example.com", allow_local_fallback=True, kiosk_server_only=True, timeout_s=12
    )
    save_settings(Settings(fleet=chosen))
    text = settings_path().read_text(encoding="utf-8")
    assert "[fleet]" in text and 'use = "server"' in text
    assert load_settings().fleet == chosen
    assert Settings().fleet == FleetSettings() and FleetSettings().use == "local"  # no file: this computer


@pytest.mark.parametrize(
    ("table", "reset"),
    [
        ('use = "gpu"', "fleet.use"),
        ("use = 1", "fleet.use"),
        ('url = ["https://gen.example.com"]', "fleet.url"),
        ("allow_local_fallback = 1", "fleet.allow_local_fallback"),
        ('kiosk_server_only = "yes"', "fleet.kiosk_server_only"),
        ("timeout_s = 0", "fleet.timeout_s"),
        ("timeout_s = -3.5", "fleet.timeout_s"),
        ("timeout_s = nan", "fleet.timeout_s"),
        ("timeout_s = inf", "fleet.timeout_s"),
        ("timeout_s = 1e308", "fleet.timeout_s"),
        ("timeout_s = true", "fleet.timeout_s"),
    ],
)
def test_a_hostile_fleet_table_falls_back_to_defaults_with_a_reason(table, reset):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(f'theme = "dark"\n\n[fleet]\n{table}\n', encoding="utf-8")
    loaded = read_settings()
    assert loaded.settings.fleet == FleetSettings()  # nothing half-used: this computer generates
    assert loaded.settings.theme == "dark"  # the rest of the file is kept
    assert reset in loaded.details and reset in loaded.warning


def test_a_fleet_that_is_not_a_table_is_reset_and_said():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('fleet = "server"\n', encoding="utf-8")
    loaded = read_settings()
    assert loaded.settings.fleet == FleetSettings() and "fleet" in loaded.warning


def test_the_kiosk_policy_forces_the_server_only_at_a_kiosk():
    policy = FleetSettings(kiosk_server_only=True)
    assert policy.uses_server(kiosk=True) and not policy.uses_server(kiosk=False)
    assert FleetSettings(use="server").uses_server() and not FleetSettings().uses_server(kiosk=True)


def test_the_token_lives_in_the_keyring_never_in_the_file():
    tokens = FleetTokenStore()
    assert tokens.backend_available() and tokens.get().key is None
    tokens.set(f"  {TOKEN}\n")  # pasted with a stray space and a line break
    assert keyring.get_password("SM6 Design Studio", "fleet-token") == TOKEN
    assert FleetTokenStore().get().key == TOKEN and FleetTokenStore().get().source == "keyring"
    save_settings(Settings(fleet=FleetSettings(use="server", url="https://gen.example.com")))
    assert TOKEN not in settings_path().read_text(encoding="utf-8")
    assert TOKEN not in repr(tokens.get())
    tokens.clear()
    assert FleetTokenStore().get().key is None


def test_a_token_from_the_environment_wins(monkeypatch):
    FleetTokenStore().set(TOKEN)
    monkeypatch.setenv("SM6_FLEET_TOKEN", "from-the-environment-1234567")
    assert FleetTokenStore().get().key == "from-the-environment-1234567"


@pytest.mark.parametrize(("typed", "words"), [("", "empty"), ("two parts", "spaces"), ("a\nb", "line breaks")])
def test_a_token_that_cannot_be_one_is_refused_in_words(typed, words):
    with pytest.raises(InvalidApiKey) as refused:
        FleetTokenStore().set(typed)
    assert words in str(refused.value) and refused.value.msg.id.startswith("fleet.token_")
    assert FleetTokenStore().get().key is None  # nothing half-saved


def test_the_server_address_is_checked_in_words():
    assert server_address(FleetSettings(url=" https://gen.example.com/ ")) == "https://gen.example.com"
    with pytest.raises(UserFacingError) as missing:
        server_address(FleetSettings(use="server"))
    assert missing.value.msg.id == "fleet.no_server_address" and "Settings" in str(missing.value)
    with pytest.raises(InputError) as bad:
        server_address(FleetSettings(url="gen.example.com"))
    assert "generation server address must start with http://" in str(bad.value)
    with pytest.raises(InputError) as secret:
        server_address(FleetSettings(url="https://staff:hunter2@gen.example.com"))
    assert "hunter2" not in str(secret.value)
