"""Curation exports on a real store: the CSV of scores and ranks a curator opens in Excel, and the ZIP of finalists
with each one's picture (byte for byte), metadata, description, provenance and scores."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile

import pytest

from app.curation.exports import export_finalists_zip, export_scores_csv, guarded
from app.curation.models import ROUND_CLOSED, Winner
from app.errors import UserFacingError
from tests.app.curation_campaign import FORMULA, KOREAN, NAMES, SCRIPT, build_campaign
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    """One campaign for the module (exports only read it), in a SQLite store."""
    from app.curation.store import open_store

    folder = tmp_path_factory.mktemp("campaign")
    store = open_store(str(folder / "curation.db"), folder / "default.db")
    try:
        yield store, build_campaign(store)
    finally:
        store.close()


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Korean as UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_has_a_row_per_entry_in_ranking_order_with_the_tie_shared(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "scores.csv"
    written = export_scores_csv(store, c.round_id, out)
    rows = read_csv(out)
    assert written == len(rows) == len(store.round_entries(c.round_id))
    by_entry = {int(r["entry"]): r for r in rows}
    ranks = [int(r["rank"]) for r in rows if r["rank"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert by_entry[c.keys["Aurora"]]["rank"] == "1"
    twin_a, twin_b = by_entry[c.keys["Twin A"]], by_entry[c.keys["Twin B"]]
    assert twin_a["rank"] == twin_b["rank"] and twin_a["tied"] == twin_b["tied"] == "yes"
    assert by_entry[c.keys["Aurora"]]["tied"] == "no"
    assert twin_a["duplicate_group"] and twin_a["duplicate_group"] == twin_b["duplicate_group"]
    assert all(r["blind_round"] == "yes" for r in rows)


def test_csv_has_each_judges_total_and_criteria_and_the_set_aside_verdicts(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "scores.csv"
    export_scores_csv(store, c.round_id, out)
    rows = read_csv(out)
    header = list(rows[0].keys())
    for judge in ("Alice", "Bob", "Carol <b>"):
        assert f"{judge}: total" in header and f"{judge}: verdict" in header
        assert f"{judge}: True to the SM6" in header and f"{judge}: Description" in header
    by_entry = {int(r["entry"]): r for r in rows}
    korean = by_entry[c.keys[KOREAN]]
    # Alice scored (4, 5, 4, 3) with weights .35 .25 .25 .15 → 4.10
    assert korean["Alice: True to the SM6"] == "4" and korean["Alice: Originality"] == "5"
    assert korean["Alice: total"] == "4.100" and korean["Bob: total"] == "5.000"
    assert korean["judges_scored"] == "3"
    script = by_entry[c.keys[SCRIPT]]
    assert script["Carol <b>: verdict"] == "abstain" and script["abstentions"] == "1"
    assert script["comments"] == "1" and script["judges_scored"] == "2"
    formula = by_entry[c.keys[FORMULA]]
    assert formula["Carol <b>: verdict"] == "conflict" and formula["conflicts"] == "1"
    unsafe = by_entry[c.keys["Unsafe one"]]
    assert unsafe["disqualified"] == "yes" and unsafe["disqualified_reason"] == "unsafe"
    assert unsafe["disqualified_note"] == "Not for a family show"
    assert unsafe["rank"] == "" and unsafe["Alice: total"] == "2.000"  # judged, then disqualified: no place
    assert rows[-1]["entry"] == str(c.keys["Unsafe one"])
    assert float(by_entry[c.keys["Aurora"]]["raw_mean"]) == pytest.approx((5 + 4 + 5) / 3, abs=1e-3)


def test_csv_never_lets_a_cell_run_as_a_formula_and_keeps_korean(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "scores.csv"
    export_scores_csv(store, c.round_id, out)
    rows = read_csv(out)
    by_entry = {int(r["entry"]): r for r in rows}
    assert by_entry[c.keys[FORMULA]]["name"] == "'" + FORMULA
    assert by_entry[c.keys[SCRIPT]]["owner"] == "'-0xOwnerStartingWithMinus"
    assert by_entry[c.keys[KOREAN]]["name"] == KOREAN
    assert by_entry[c.keys[SCRIPT]]["name"] == SCRIPT  # plain text in a CSV: nothing to escape
    # our own numbers may be negative and stay numbers
    assert any(r["z_total"].startswith("-") for r in rows)
    for row in rows:
        for column, value in row.items():
            if column not in ("z_total",):
                assert not value.startswith(("=", "+", "@")), (column, value)
    assert guarded("@SUM(A1)") == "'@SUM(A1)" and guarded("plain") == "plain" and guarded("\tx") == "'\tx"


def test_csv_is_replaced_whole_and_a_refused_write_is_said_in_words(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "scores.csv"
    out.write_text("old")
    export_scores_csv(store, c.round_id, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [p.name for p in tmp_path.iterdir()] == ["scores.csv"]  # no temp file left
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # handed on: the usual mode, not the temp file's 0600
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserFacingError) as error:
        export_scores_csv(store, c.round_id, blocker / "scores.csv")
    assert "could not be written" in error.value.message and "Traceback" not in error.value.message
    with pytest.raises(UserFacingError):
        export_scores_csv(store, 9999, tmp_path / "none.csv")
    assert not (tmp_path / "none.csv").exists()


def test_zip_holds_each_finalist_with_its_original_bytes_in_ranking_order(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "finalists.zip"
    count = export_finalists_zip(store, c.round_id, out, now=1_767_225_600.0)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        folders = sorted({n.split("/")[0] for n in names if "/" in n})
        assert count == len(folders) == len(store.round_entries(c.round_id)) - 1  # not the disqualified one
        assert not any(f.endswith(f"-{c.keys['Unsafe one']}") for f in folders)
        assert "finalists.csv" in names and "README.txt" in names
        assert folders[0] == f"01-{c.keys['Aurora']}"  # the best first
        key_of = {v: k for k, v in c.keys.items()}
        for folder in folders:
            name = key_of[int(folder.split("-", 1)[1])]
            assert archive.read(f"{folder}/image.png") == c.images[name]
            assert json.loads(archive.read(f"{folder}/metadata.json"))["name"] == name
            assert archive.read(f"{folder}/description.txt").decode() == f"{name} — a description."
            provenance = json.loads(archive.read(f"{folder}/provenance.json"))
            assert provenance["token_id"] == 100 + NAMES.index(name) and provenance["chain_id"] == 1001
            assert provenance["image_cid"] == f"bafyimg{NAMES.index(name)}" and provenance["before_deadline"] is True
            assert provenance["generation"] == {"seed": 1000 + NAMES.index(name), "steps": 20}
            assert provenance["minted_at"].startswith("2025-12-29T")
        scores = json.loads(archive.read(f"{folders[0]}/scores.json"))
        assert scores["standing"]["rank"] == 1 and len(scores["verdicts"]) == 3
        assert {v["judge"] for v in scores["verdicts"]} == {"Alice", "Bob", "Carol <b>"}
        assert any(v["comment"] == "Lovely light." for v in scores["verdicts"])
        table = list(csv.DictReader(io.StringIO(archive.read("finalists.csv").decode("utf-8-sig"))))
        assert [r["folder"] for r in table] == folders
        korean_row = next(r for r in table if r["name"] == KOREAN)
        assert korean_row["entry"] == str(c.keys[KOREAN])
        assert "Long list" in archive.read("README.txt").decode()
    assert [p.name for p in tmp_path.iterdir()] == ["finalists.zip"]


def test_the_same_export_twice_is_the_same_file(campaign, tmp_path):
    store, c = campaign
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    export_finalists_zip(store, c.round_id, first, now=1_767_225_600.0)
    export_finalists_zip(store, c.round_id, second, now=1_767_225_600.0)
    assert first.read_bytes() == second.read_bytes()


def test_zip_of_chosen_entries_keeps_the_order_given(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "chosen.zip"
    chosen = [c.keys[KOREAN], c.keys["Twin B"]]
    assert export_finalists_zip(store, c.round_id, out, entries=chosen) == 2
    with zipfile.ZipFile(out) as archive:
        folders = sorted({n.split("/")[0] for n in archive.namelist() if "/" in n})
        assert folders == [f"01-{chosen[0]}", f"02-{chosen[1]}"]


def test_zip_of_a_locked_round_holds_its_winners_by_rank(store, tmp_path):
    """On SQLite and PostgreSQL: the winners' folders, in the order of their ranks."""
    c = build_campaign(store)
    staff = c.judges["Alice"]
    store.set_round_state(c.round_id, ROUND_CLOSED, by=staff)
    winners = [c.keys[KOREAN], c.keys["Aurora"], c.keys["Twin A"]]
    store.lock_winners(c.round_id, [Winner(i + 1, e) for i, e in enumerate(winners)], by=staff)
    out = tmp_path / "winners.zip"
    assert export_finalists_zip(store, c.round_id, out) == 3
    with zipfile.ZipFile(out) as archive:
        folders = sorted({n.split("/")[0] for n in archive.namelist() if "/" in n})
        assert folders == [f"{i + 1:02d}-{e}" for i, e in enumerate(winners)]
        assert archive.read(f"01-{winners[0]}/image.png") == c.images[KOREAN]
        assert json.loads(archive.read(f"01-{winners[0]}/scores.json"))["winner_rank"] == 1
    csv_out = tmp_path / "scores.csv"
    export_scores_csv(store, c.round_id, csv_out)
    rows = {int(r["entry"]): r for r in read_csv(csv_out)}
    assert rows[winners[0]]["winner_rank"] == "1" and rows[c.keys[SCRIPT]]["winner_rank"] == ""
