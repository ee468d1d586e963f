"""`sm6-studio remove-data`: what an uninstaller runs when a person asks for their data to go too.

Real folders, a real library with designs, a real wallet keystore, the real data-folder lock held by a second
process, and the tests' file keyring (tests/conftest.py) holding the app's key beside someone else's.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app import cli, i18n, paths
from app.chain.wallet import WalletStore
from app.config import Settings, save_settings
from app.description.keys import ApiKeyStore
from app.library.store import Library
from tests.fixtures.designs import add_plain_design

ROOT = Path(__file__).resolve().parents[2]
HANGUL = range(0xAC00, 0xD7A4)
FAST_N = 2**4  # scrypt cost for test keystores: the file is a real keystore, made fast


@pytest.fixture
def dirs(isolated_dirs):
    yield Path(isolated_dirs["SM6_DATA_DIR"]), Path(isolated_dirs["SM6_CONFIG_DIR"])
    i18n.set_language("en")  # cli.main speaks the language Settings chose; other tests expect English


def make_data(data: Path, designs: int = 2, language: str = "system") -> None:
    save_settings(Settings(language=language))
    library = Library.open(data)
    try:
        for n in range(designs):
            add_plain_design(library, f"pearl white {n}", size=(32, 32))
        library.remove(add_plain_design(library, "removed, kept a day for Undo", size=(32, 32)).id)  # not counted
    finally:
        library.close()
    ApiKeyStore().set("sk-test-0123456789abcdef")


def run(capsys, monkeypatch, *args: str, typed: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = cli.main(["remove-data", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lists_what_goes_then_removes_it_all_once_remove_is_typed(dirs, capsys, monkeypatch):
    data, config = dirs
    make_data(data)
    keyring.set_password("Someone Else's App", "token", "theirs")
    code, out, err = run(capsys, monkeypatch, typed="REMOVE\n")
    assert code == 0, err
    assert f"Data folder {data} (" in out and "designs 2, wallet accounts 0" in out
    assert f"Settings folder {config}" in out
    assert "From the system keyring: the OpenAI API key" in out
    assert "Type REMOVE to confirm:" in out
    assert out.rstrip().endswith("SM6 Design Studio's data is removed.")
    assert not data.exists() and not config.exists()
    assert ApiKeyStore().get().key is None
    assert keyring.get_password("Someone Else's App", "token") == "theirs"  # only the app's own entries go


def test_anything_but_remove_keeps_everything(dirs, capsys, monkeypatch):
    data, config = dirs
    make_data(data)

    def listing() -> list[Path]:  # the lock file an owner leaves behind blocks nobody
        return sorted(p.relative_to(data) for p in data.rglob("*") if p.name != ".sm6-studio.lock")

    before = listing()
    code, out, _ = run(capsys, monkeypatch, typed="yes\n")
    assert code == 1 and out.rstrip().endswith("Nothing was removed.")
    assert listing() == before
    assert (config / "settings.toml").is_file() and ApiKeyStore().get().key


def test_a_folder_chosen_in_settings_keeps_the_persons_own_files_and_the_usual_folder_goes_too(
    dirs, capsys, monkeypatch, tmp_path
):
    monkeypatch.delenv("SM6_DATA_DIR")
    usual = paths.default_data_dir()  # the platform's folder, under the test's own XDG_DATA_HOME
    assert usual.is_relative_to(tmp_path)
    make_data(usual, designs=3)  # made before the person chose a folder of their own
    data = tmp_path / "Documents"
    data.mkdir()
    save_settings(Settings(data_dir=str(data)))
    assert paths.data_dir() == data
    library = Library.open(data)
    add_plain_design(library, "rose gold", size=(32, 32))
    library.close()
    (data / "notes.txt").write_text("my own notes")
    own_images = data / "images-2025"
    own_images.mkdir()
    (own_images / "holiday.jpg").write_bytes(b"\xff\xd8")
    own_logs = data / "logs"  # an everyday name: theirs, since what is inside is not named like the app's
    own_logs.mkdir()
    (own_logs / "diary.txt").write_text("mine")
    drawn = data / "cache" / "indicators"  # the theme's checkmarks and arrows (ui/theme.py)
    drawn.mkdir(parents=True)
    (drawn / "chevron-down-a3a9b3.svg").write_text("<svg/>")
    cut_short = data / "images" / "ab" / f".{'ab' * 32}.png.k2j4h5g6.tmp"  # a design's write a crash stopped
    cut_short.parent.mkdir(parents=True, exist_ok=True)
    cut_short.write_bytes(b"\x89PNG half")
    code, out, err = run(capsys, monkeypatch, "--yes")
    assert code == 0, err
    assert f"In the data folder {data}, what the app made" in out and "designs 1," in out
    assert f"Data folder {usual} (" in out and "designs 3," in out
    assert not usual.exists()
    assert "Left where they are, not made by SM6 Design Studio:" in out and str(data / "notes.txt") in out
    assert sorted(p.name for p in data.iterdir()) == ["images-2025", "logs", "notes.txt"]
    assert (own_logs / "diary.txt").read_text() == "mine" and (own_images / "holiday.jpg").exists()


def test_wallets_are_refused_unless_the_person_says_their_keys_may_go(dirs, capsys, monkeypatch):
    data, _ = dirs
    make_data(data)
    account = WalletStore(data / "wallet", kdf_n=FAST_N).create("Showroom", "correct horse battery staple")
    keystore = data / "wallet" / f"{account.address}.json"
    assert keystore.is_file()
    code, out, err = run(capsys, monkeypatch, "--yes")
    assert code == 1
    assert "wallet accounts 1" in out
    assert "for good" in err and "Wallet → Export keystore" in err and "--including-wallets" in err
    assert keystore.is_file() and (data / "library.sqlite3").is_file()  # nothing removed

    code, out, err = run(capsys, monkeypatch, "--yes", "--including-wallets")
    assert code == 0, err
    assert "Wallet keystores (1) go too" in out
    assert not data.exists()


def test_refused_while_another_process_uses_the_data_folder(dirs, capsys, monkeypatch):
    data, _ = dirs
    make_data(data)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from app import data_lock; data_lock.hold(sys.argv[1]); print('held', "
            "flush=True); sys.stdin.read()",
            str(data),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, out, err = run(capsys, monkeypatch, "--yes")
        assert code == 1
        assert f"in use by another SM6 Design Studio (process {holder.pid})" in err
        assert (data / "library.sqlite3").is_file()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    code, _, err = run(capsys, monkeypatch, "--yes")
    assert code == 0, err


def test_with_nothing_there_it_says_so(dirs, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch)
    assert code == 0 and "There is no SM6 Design Studio data for this account." in out


def test_korean(dirs, capsys, monkeypatch):
    data, _ = dirs
    make_data(data, language="ko")
    WalletStore(data / "wallet", kdf_n=FAST_N).create("Showroom", "correct horse battery staple")
    code, out, err = run(capsys, monkeypatch, "--yes")
    assert code == 1
    hangul = [line for line in (out + err).splitlines() if any(ord(ch) in HANGUL for ch in line)]
    assert len(hangul) == len((out + err).splitlines()), out + err
    code, out, _ = run(capsys, monkeypatch, "--including-wallets", typed="no\n")
    assert code == 1 and "REMOVE" in out and out.splitlines()[-1] == "삭제한 것이 없습니다."
