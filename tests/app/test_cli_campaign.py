"""`sm6-studio campaign import | status | export`, for staff scripts: exit 0 when done, otherwise non-zero with one
line saying why."""

from __future__ import annotations

import socket

import pytest

from app.cli import main
from app.curation.models import DEFAULT_CRITERIA
from app.curation.store import open_store
from tests.fixtures.curation_files import write_submission_folder


@pytest.fixture
def database(tmp_path) -> str:
    return str(tmp_path / "campaign.db")


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def test_import_then_status_then_export(tmp_path, database, capsys):
    folder = write_submission_folder(tmp_path / "entries", 12, bad=("damaged",))
    assert main(["campaign", "--database", database, "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "12 new" not in out and "13 new" in out and "1 kept aside" in out

    assert main(["campaign", "--database", database, "import", str(folder)]) == 0  # again: nothing doubled
    assert "0 new, 13 already there" in capsys.readouterr().out

    assert main(["campaign", "--database", database, "status"]) == 0
    status = capsys.readouterr().out
    assert "12 valid, 1 kept aside" in status and "Judges: none yet" in status

    assert main(["campaign", "--database", database, "export", "--out", str(tmp_path / "out")]) == 1
    assert "no round" in one_line(capsys.readouterr().err)

    store = open_store(database, tmp_path / "unused.db")
    try:
        judge = store.add_judge("Mina")
        chosen = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=True, entries=None, by=judge.id)
        for entry in store.round_entries(chosen.id)[:3]:
            for criterion in DEFAULT_CRITERIA:
                store.score(chosen.id, entry, judge.id, criterion.id, 4)
    finally:
        store.close()
    assert main(["campaign", "--database", database, "status"]) == 0
    status = capsys.readouterr().out
    assert "Round 1, Long list (open for scoring): 12 entries, 3 verdicts" in status and "Judges: Mina" in status

    assert main(["campaign", "--database", database, "export", "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["round-1-finalists.zip", "round-1-report.html", "round-1-scores.csv"]


def test_a_source_that_is_not_there_fails_in_one_line(tmp_path, database, capsys):
    assert main(["campaign", "--database", database, "import", str(tmp_path / "nowhere")]) != 0
    assert "nowhere" in one_line(capsys.readouterr().err)


def test_a_server_that_is_down_fails_in_one_line(capsys):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["campaign", "--database", f"postgresql://judge@127.0.0.1:{port}/campaign", "status"]) != 0
    line = one_line(capsys.readouterr().err)
    assert "cannot be reached" in line and "Traceback" not in line


def test_a_chain_source_without_an_ipfs_source_says_what_to_set(database, capsys):
    assert main(["campaign", "--database", database, "import", "chain:sandbox"]) != 0
    assert "IPFS" in one_line(capsys.readouterr().err)
