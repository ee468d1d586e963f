"""Kiosk mode is a setting that `--kiosk` keeps and `--no-kiosk` turns off; staff export the day's submissions."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.chain.mint_outbox import MintOutbox
from app.chain.mint_store import MintRecord
from app.cli import build_parser
from app.errors import InputError, UserFacingError
from app.library.store import Library
from app.showroom import messages as msgs
from app.showroom.export import COLUMNS, CSV_NAME, submissions_of, write_submissions
from app.showroom.mode import choose_start, desktop_argv, with_enabled
from app.showroom.settings import KioskSettings
from app.showroom.staff import hash_pin
from tests.fixtures.designs import add_plain_design

WITH_PIN = KioskSettings(pin_hash=hash_pin("2468"))


def test_kiosk_flag_turns_kiosk_mode_on_and_keeps_it_only_with_a_pin():
    choice = choose_start(True, False, WITH_PIN)
    assert choice.kiosk and choice.save == replace(WITH_PIN, enabled=True) and choice.note is None
    # Without a PIN nobody could leave a kiosk that comes back at every start: this run only, and it says so.
    bare = choose_start(True, False, KioskSettings())
    assert bare.kiosk and bare.save is None and bare.note.id == msgs.NOT_KEPT_WITHOUT_PIN.id


def test_a_start_without_flags_follows_the_setting_and_no_kiosk_turns_it_off():
    on = replace(WITH_PIN, enabled=True)
    assert choose_start(False, False, on).kiosk and choose_start(False, False, on).save is None
    assert not choose_start(False, False, WITH_PIN).kiosk
    off = choose_start(False, True, on)
    assert not off.kiosk and off.save == WITH_PIN
    assert choose_start(False, True, WITH_PIN).save is None  # already off: nothing to write


def test_kiosk_mode_cannot_be_enabled_before_a_pin_is_set():
    with pytest.raises(InputError) as caught:
        with_enabled(KioskSettings(), True)
    assert caught.value.msg.id == msgs.PIN_FIRST.id
    assert with_enabled(WITH_PIN, True).enabled
    assert not with_enabled(KioskSettings(enabled=True), False).enabled  # off always works


def test_the_command_line_takes_one_of_kiosk_or_no_kiosk_and_restarts_without_them(capsys):
    parser = build_parser()
    assert parser.parse_args(["--no-kiosk"]).no_kiosk and not parser.parse_args(["--no-kiosk"]).kiosk
    with pytest.raises(SystemExit):
        parser.parse_args(["--kiosk", "--no-kiosk"])
    capsys.readouterr()
    assert desktop_argv(["python", "-m", "ui.entry", "--kiosk"]) == ["python", "-m", "ui.entry"]


def _record(n: int, created: datetime, **changes) -> MintRecord:
    png_digest = hashlib.sha256(f"png {n}".encode()).digest()
    record = MintRecord(
        id=n,
        key=f"k{n}",
        state="minted",
        network="sandbox",
        chain_id=1001,
        contract="0x" + "ab" * 20,
        sender="0x" + "11" * 20,
        recipient="0x" + f"{n:02d}" * 20,
        token_uri="ipfs://x",
        content_hash=png_digest,
        design_id=f"d{n}",
        nonce=n,
        tx_hash="0x" + f"{n:02x}" * 32,
        token_id=n,
        block_number=n,
        error="",
        created_at=created.timestamp(),
        updated_at=created.timestamp(),
        signatures=1,
    )
    return replace(record, **changes)


def test_todays_submissions_are_exported_as_csv_with_their_pictures(tmp_path):
    library = Library.open(tmp_path / "library")
    try:
        design = add_plain_design(library)
        today = date.today()
        noon = datetime.combine(today, datetime.min.time()) + timedelta(hours=12)
        image_digest = bytes.fromhex(design.image_sha256)  # a mint's content hash is its PNG's SHA-256
        records = [
            _record(1, noon, design_id=design.id, content_hash=image_digest),
            _record(2, noon + timedelta(hours=1), state="waiting", token_id=None, tx_hash=""),
            _record(3, noon - timedelta(days=1)),  # yesterday's
            _record(4, noon, kind="send"),  # a KAIA transfer, not a submission
        ]

        def image(record):
            digest = record.content_hash.hex()
            return library.images.path(digest) if library.images.has(digest) else None

        rows = submissions_of(records, today, lambda r: f"https://kairos.kaiascan.io/nft/{r.token_id}", image)
        (tmp_path / "usb").mkdir()
        out = write_submissions(tmp_path / "usb", rows, today)
    finally:
        library.close()
    assert out.name == f"sm6-submissions-{today.isoformat()}"
    with open(out / CSV_NAME, newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert tuple(table[0]) == COLUMNS
    assert [row[0] for row in table[1:]] == [design.id, "d2"]
    first = dict(zip(COLUMNS, table[1]))
    assert first["token id"] == "1" and first["recipient address"] == "0x" + "01" * 20
    assert first["transaction hash"] == "0x" + "01" * 32 and first["explorer link"].endswith("/nft/1")
    assert first["time"].startswith(today.isoformat())
    assert dict(zip(COLUMNS, table[2]))["token id"] == "" and dict(zip(COLUMNS, table[2]))["state"] == "waiting"
    assert (out / f"{design.id}.png").read_bytes() == Path(design.image_path).read_bytes()
    assert sorted(p.name for p in out.iterdir()) == sorted([CSV_NAME, f"{design.id}.png"])
    # A second export the same day goes beside the first, never over it.
    assert write_submissions(tmp_path / "usb", rows, today).name.endswith("-2")


def test_a_mint_row_with_a_time_no_clock_can_show_is_left_out_of_todays_export(tmp_path):
    db = tmp_path / "mints.sqlite3"
    box = MintOutbox(db)
    try:
        for n in (1, 2):
            box.queue(
                "sandbox",
                1001,
                "0x" + "ab" * 20,
                "0x" + "11" * 20,
                "0x" + f"{n:02d}" * 20,
                "ipfs://x",
                bytes([n]) * 32,
                design_id=f"d{n}",
            )
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE mints SET created_at = 1e20 WHERE design_id = 'd1'")  # a damaged row
        conn.close()
        records = box.mints()
    finally:
        box.close()
    rows = submissions_of(records, date.today(), lambda r: "", lambda r: None)
    assert [row.design_id for row in rows] == ["d2"]


def test_an_export_the_disk_refuses_says_so_in_words(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(UserFacingError) as caught:
        write_submissions(blocker, [], date.today())
    assert caught.value.msg.id == msgs.EXPORT_FAILED.id and "not-a-folder" in caught.value.message


def test_leaving_kiosk_mode_saves_it_off_or_says_why_it_could_not(tmp_path):
    from app.config import Settings, load_settings, save_settings
    from app.showroom.mode import keep_start_choice, turn_off

    settings = Settings(kiosk=replace(WITH_PIN, enabled=True))
    path = tmp_path / "settings.toml"
    turn_off(settings, lambda new: save_settings(new, path))
    assert not load_settings(path).kiosk.enabled and settings.kiosk.enabled  # the running app's copy is untouched
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(UserFacingError) as caught:
        turn_off(settings, lambda new: save_settings(new, blocker / "settings.toml"))
    assert caught.value.msg.id == msgs.EXIT_NOT_SAVED.id and "Errno" not in caught.value.message
    note = keep_start_choice(
        choose_start(True, False, WITH_PIN),
        Settings(kiosk=WITH_PIN),
        lambda new: save_settings(new, blocker / "s.toml"),
    )
    assert note.id == msgs.SETTINGS_NOT_SAVED.id
