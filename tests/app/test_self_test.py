"""`sm6-studio self-test`, run in-process as a support person or the packaging smoke test would: the whole check
passes with real parts (the demo model, the engine, the library, the sandbox chain) and leaves the person's own
folders and keyring exactly as they were; a broken step says so in one plain line and skips the rest."""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from pathlib import Path

import keyring
import pytest

from app import cli, i18n, paths
from app.chain.settings import ChainSettings
from app.config import Settings, save_settings
from app.library.store import Library
from app.secret_store import ApiKeyStore
from tests.fixtures.designs import add_plain_design

API_KEY = "sk-" + "kept-in-the-keyring-0123"
STEP_NAMES = ["demo_model", "generate", "library", "token", "sandbox", "mint"]


@pytest.fixture
def temp_root(tmp_path, monkeypatch) -> Path:
    """Where the throwaway folder is made, to see that it goes again."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def in_process():
    """`cli.main` sets the core's language from the settings: English again afterwards, as other tests expect."""
    yield
    i18n.set_language("en")


def best_device() -> str:
    """Where the self-test generates: "CPU" here, "CUDA · <card>" on a machine with a usable GPU."""
    from app.generation.devices import choose_device

    return choose_device().label


def throwaway_folders(root: Path) -> list[Path]:
    return list(root.glob("sm6-self-test-*"))  # torch may keep caches of its own there (torchinductor_<user>)


def everything_under(root: Path, leave_out: Path) -> dict[str, tuple]:
    found = {}
    for path in root.rglob("*"):
        if path == leave_out or leave_out in path.parents:
            continue
        info = path.lstat()
        found[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


def the_persons_things(isolated_dirs, language: str) -> None:
    """Settings that point at a real network, a design in the library, an installed model, a key in the keyring."""
    save_settings(dataclasses.replace(Settings(), language=language, chain=ChainSettings(network="kairos")))
    with Library.open(Path(isolated_dirs["SM6_DATA_DIR"])) as library:
        add_plain_design(library, "the person's own pearl white SM6")
    ApiKeyStore().set(API_KEY)


def test_the_self_test_passes_and_leaves_the_persons_folders_and_keyring_as_they_were(
    capsys, in_process, isolated_dirs, tiny_sd15, tmp_path, temp_root
):
    the_persons_things(isolated_dirs, "en")
    before = everything_under(tmp_path, temp_root)
    backend = keyring.get_keyring()
    environment = dict(os.environ)

    status = cli.main(["self-test"])

    out, err = capsys.readouterr()
    assert status == 0, out + err
    lines = out.splitlines()
    assert [line[0] for line in lines[:6]] == ["✓"] * 6, out
    assert lines[0].startswith("✓ Demo model built (")
    assert lines[1].startswith(f"✓ Design generated on {best_device()}: 2 steps, 128×128 (")
    assert lines[5].startswith("✓ Minted token #1 on the sandbox chain, owner checked (")  # not on Kairos
    assert lines[6].startswith("All checks passed in ") and len(lines) == 7
    assert err == ""
    assert everything_under(tmp_path, temp_root) == before  # not one file made, changed or removed
    assert throwaway_folders(temp_root) == []  # the throwaway folder is gone
    assert dict(os.environ) == environment
    assert keyring.get_keyring() is backend and ApiKeyStore().get().key == API_KEY


def test_in_korean_with_json_and_the_folder_kept_for_support(capsys, in_process, isolated_dirs, tmp_path):
    save_settings(dataclasses.replace(Settings(), language="ko"))
    kept = tmp_path / "for-support"

    status = cli.main(["self-test", "--json", "--keep", str(kept)])

    out, err = capsys.readouterr()
    assert status == 0, out + err
    result = json.loads(out)  # standard output holds the JSON alone; the lines go to standard error
    assert result["passed"] is True and result["device"] == best_device()
    assert [step["name"] for step in result["steps"]] == STEP_NAMES
    for step in result["steps"]:
        assert step["ok"] is True and isinstance(step["seconds"], float) and step["seconds"] >= 0
    assert result["steps"][0]["detail"] == "데모 모델을 만들었습니다"
    lines = err.splitlines()
    assert lines[0].startswith("✓ 데모 모델을 만들었습니다 (") and lines[0].endswith("초)")
    assert lines[1].startswith(f"✓ {best_device()}에서 디자인을 생성했습니다: 2단계, 128×128 (")
    assert lines[6].startswith("모든 검사를 ") and lines[6].endswith("초 만에 통과했습니다.")
    assert lines[7] == f"점검에 쓴 폴더를 {kept.resolve()}에 남겼습니다."
    # what a support person finds there: the library with the design, the wallet, the sandbox chain, the demo model
    assert (kept / "data" / "library.sqlite3").is_file() and (kept / "data" / "chain" / "mints.sqlite3").is_file()
    assert list((kept / "data" / "wallet").glob("0x*.json")) and (kept / "models" / "sm6-demo").is_dir()


def test_a_broken_step_is_one_plain_line_the_rest_are_skipped_and_the_folder_still_goes(
    capsys, in_process, isolated_dirs, tmp_path, temp_root, monkeypatch
):
    # A package built without the Stable Diffusion configs: the demo model cannot be built from them.
    incomplete = tmp_path / "resources"
    incomplete.mkdir()
    for entry in paths.RESOURCES.iterdir():
        if entry.name != "sd_configs":
            (incomplete / entry.name).symlink_to(entry)
    monkeypatch.setattr(paths, "RESOURCES", incomplete)
    save_settings(dataclasses.replace(Settings(), language="en"))

    status = cli.main(["self-test"])

    out, err = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith("✗ Build the demo model: something went wrong inside the app (the details are in")
    assert lines[1:6] == [
        "– Generate a design: skipped",
        "– Save it to the library: skipped",
        "– Describe it and draft its token: skipped",
        "– Start the sandbox chain and fund a wallet: skipped",
        "– Mint the token on the sandbox chain: skipped",
    ]
    crash_log = Path(isolated_dirs["SM6_DATA_DIR"]) / "logs" / "sm6-studio-errors.log"
    assert lines[6] == f"The details are in {crash_log}; send that file to support."
    assert lines[7].startswith("The self-test failed at “Build the demo model”. Your own designs")
    assert "Traceback" not in out + err and "Error" not in out + err
    assert "Traceback" in crash_log.read_text(encoding="utf-8")  # for support, in the person's log folder
    assert throwaway_folders(temp_root) == []


def test_keep_refuses_a_folder_that_already_holds_files(capsys, in_process, isolated_dirs, tmp_path, temp_root):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")

    status = cli.main(["self-test", "--keep", str(theirs)])

    out, err = capsys.readouterr()
    assert status == cli.EXIT_USAGE and out == ""
    assert err == f"sm6-studio: --keep needs a new or empty folder; {theirs} already holds files.\n"
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"] and throwaway_folders(temp_root) == []


def test_a_package_without_the_contract_fails_at_the_sandbox_and_says_why(
    capsys, in_process, isolated_dirs, tmp_path, temp_root, monkeypatch
):
    from app.chain import contract

    incomplete = tmp_path / "resources"
    incomplete.mkdir()
    for entry in paths.RESOURCES.iterdir():
        if entry.name != "chain":
            (incomplete / entry.name).symlink_to(entry)
    monkeypatch.setattr(paths, "RESOURCES", incomplete)
    contract.load_artifact.cache_clear()
    save_settings(dataclasses.replace(Settings(), language="en"))
    try:
        status = cli.main(["self-test", "--json"])
    finally:
        contract.load_artifact.cache_clear()  # read again from the real resources by the tests after this one

    out, err = capsys.readouterr()
    assert status == 1
    lines = err.splitlines()
    assert lines[4].startswith("✗ Start the sandbox chain and fund a wallet: something went wrong inside the app")
    assert lines[5] == "– Mint the token on the sandbox chain: skipped"
    assert "Traceback" not in out + err
    result = json.loads(out)
    assert result["passed"] is False
    assert [step["ok"] for step in result["steps"]] == [True, True, True, True, False, False]
    assert result["steps"][5] == {"name": "mint", "ok": False, "seconds": 0.0, "detail": "skipped"}
    assert throwaway_folders(temp_root) == []


def test_a_temporary_folder_that_cannot_be_made_is_said_in_one_line(capsys, in_process, isolated_dirs, monkeypatch):
    missing = Path(isolated_dirs["SM6_DATA_DIR"]).parent / "no-such-folder"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))  # TMPDIR naming a folder that is not there

    status = cli.main(["self-test"])

    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err == (
        f"sm6-studio: The self-test could not make its temporary folder in {missing} (it does not exist). "
        "Give it a folder of its own with --keep FOLDER.\n"
    )
