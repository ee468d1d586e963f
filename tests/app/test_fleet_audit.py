"""The generation server's audit log (issue 20): who generated what, one JSON line per job, owner-only, and followed
by `sm6-studio serve` from where it ended, one printed line per new entry, without reading the log again."""

from __future__ import annotations

import stat

from app.cli_serve import request_line
from app.fleet.audit import AuditLog


def test_each_job_is_one_owner_only_line_naming_the_token_never_holding_it(tmp_path):
    log = AuditLog(tmp_path / "serve" / "audit.jsonl")
    log.record("Busan showroom", "k" * 16, "finished", prompt="a red SM6", model="sm6-base", seconds=4.2)
    (entry,) = log.entries()
    assert (entry["token"], entry["outcome"], entry["model"], entry["seconds"]) == (
        "Busan showroom",
        "finished",
        "sm6-base",
        4.2,
    )
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    assert request_line(entry) == "Busan showroom: finished · sm6-base · 4.2 s"


def test_following_the_log_gives_only_new_whole_lines_and_starts_again_after_a_rotation(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    assert log.read_from(log.end()) == ([], 0)  # no log yet
    log.record("kiosk-1", "a" * 16, "finished")
    start = log.end()
    assert log.read_from(start) == ([], start)  # what was there before `serve` started is not printed again

    log.record("kiosk-2", "b" * 16, "busy")
    with open(log.path, "ab") as half:
        half.write(b'{"token": "kiosk-3", "outc')  # a line still being written by another server process
    entries, offset = log.read_from(start)
    assert [e["token"] for e in entries] == ["kiosk-2"]
    with open(log.path, "ab") as rest:
        rest.write(b'ome": "failed"}\nnot json at all\n')
    entries, offset = log.read_from(offset)
    assert [e["token"] for e in entries] == ["kiosk-3"] and offset == log.end()  # the damaged line is skipped

    log.path.write_text("")  # rotated
    log.record("kiosk-4", "c" * 16, "finished")
    entries, _ = log.read_from(offset)
    assert [e["token"] for e in entries] == ["kiosk-4"]
