"""The Results page: agreement, standings with ties, advancing the top N (a tie at the cut is never broken silently),
choosing and locking 10 winners (also when another machine locked first), and the exports."""

from __future__ import annotations

import csv
import hashlib
import shutil
import zipfile

import pytest
from PySide6.QtCore import Qt

from app.config import Settings
from app.curation import ranking
from app.curation.models import DEFAULT_CRITERIA, ROUND_LOCKED, Candidate, Winner
from app.curation.store import open_store
from tests.fixtures.curation_files import plain_png
from tests.fixtures.shots import save_shot
from ui.curation.results_page import ResultsPage, agreement_text
from ui.curation.standings_model import RANK
from ui.i18n import apply_language

# (sm6, originality, craft, description) per entry, the same from every judge: entries 3 and 4 tie for place 3
SCORES = [
    (5, 5, 5, 5), (5, 5, 5, 4), (5, 5, 4, 4), (5, 5, 4, 4), (5, 4, 4, 4), (4, 4, 4, 4), (4, 4, 4, 3),
    (4, 4, 3, 3), (4, 3, 3, 3), (3, 3, 3, 3), (3, 3, 3, 2), (2, 2, 2, 2), (1, 1, 1, 1),
]  # fmt: skip
JUDGES = ("Ana", "Min-jun", "Sophie")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A scored first round, built once; each test works on its own copy of the file."""
    folder = tmp_path_factory.mktemp("results")
    store = open_store(str(folder / "curation.db"), folder / "default.db")
    try:
        candidates = []
        for i in range(len(SCORES)):
            png = plain_png(i + 1)
            sha = hashlib.sha256(png).hexdigest()
            candidates.append(
                Candidate(
                    f"file:{sha}", "folder", f"entry_{i + 1}.png", png, sha, 64, 64, name=f"Pearl SM6 no. {i + 1}"
                )
            )
        store.add(candidates)
        judges = [store.add_judge(name) for name in JUDGES]
        rnd = store.create_round("Round 1", criteria=DEFAULT_CRITERIA, blind=False, entries=None, by=judges[0].id)
        keys = sorted(store.round_entries(rnd.id))
        for judge in judges:
            for key, values in zip(keys, SCORES):
                for criterion, value in zip(DEFAULT_CRITERIA, values):
                    store.score(rnd.id, key, judge.id, criterion.id, value)
    finally:
        store.close()
    return folder / "curation.db", keys, [j.id for j in judges]


@pytest.fixture
def setup(template, tmp_path):
    path, keys, judges = template
    shutil.copy(path, tmp_path / "curation.db")
    store = open_store(str(tmp_path / "curation.db"), tmp_path / "default.db")
    yield store, keys, judges
    store.close()


@pytest.fixture
def page(qtbot, setup):
    store, _keys, judges = setup
    view = ResultsPage(store, judges[0], Settings())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.set_round(None)
    qtbot.waitUntil(lambda: view.loaded is not None and not view.busy, timeout=10_000)
    return view


def column(page, col: int) -> list[str]:
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_standings_show_ranks_with_ties_agreement_and_who_judged(page):
    assert column(page, RANK) == ["1", "2", "=3", "=3", "5", "6", "7", "8", "9", "10", "11", "12", "13"]
    assert page.model.index(0, 1).data() == "Pearl SM6 no. 1"
    assert page.agreement.text() == "Judges agree well (α = 1.00)"
    assert page.judges.text().split("   ·   ") == ["Ana: 13 judged", "Min-jun: 13 judged", "Sophie: 13 judged"]
    assert not page.lock_badge.isVisible()


def test_a_tie_at_the_cut_is_shown_whole_and_advancing_all_of_it_makes_round_two(qtbot, page, setup):
    store, keys, _ = setup
    dialog = page.advance()
    dialog.n.setValue(3)

    assert dialog.tie_sentence.text() == "Places 3–4 are tied: choose which 1 advance, or advance all 4."
    assert sorted(dialog.ticked()) == [] and not dialog.ok.isEnabled()  # the app does not pick one
    assert page.model.highlight == {keys[2], keys[3]}
    save_shot(page, "results_tie_en")
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: "동점" in dialog.tie_sentence.text(), timeout=5000)
        assert page.advance_button.text() == "상위 N개 진출…"
        save_shot(page, "results_tie_ko")
        save_shot(dialog, "results_advance_ko")
    finally:
        apply_language("en")
    save_shot(dialog, "results_advance_en")

    dialog.all_tied.click()
    assert dialog.ok.isEnabled()
    dialog.ok.click()

    qtbot.waitUntil(lambda: len(store.rounds()) == 2 and page.loaded.results.round.position == 2, timeout=10_000)
    second = max(store.rounds(), key=lambda r: r.position)
    assert sorted(store.round_entries(second.id)) == sorted(keys[:4])
    assert second.criteria == DEFAULT_CRITERIA and second.name == "Round 2"
    assert page.message.text() == "Round 2 created with 4 entries."


def test_ticking_one_of_the_tie_advances_exactly_the_chosen_one(qtbot, page, setup):
    store, keys, _ = setup
    dialog = page.advance()
    dialog.n.setValue(3)
    dialog.tie_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: len(store.rounds()) == 2, timeout=10_000)
    second = max(store.rounds(), key=lambda r: r.position)
    assert sorted(store.round_entries(second.id)) == sorted([keys[0], keys[1], keys[3]])


def test_ten_winners_with_ranks_are_locked_and_shown_with_a_lock_badge(qtbot, page, setup):
    store, keys, _ = setup
    dialog = page.choose_winners()
    assert dialog.list.count() == 10
    assert dialog.list.item(2).text() == "3. Pearl SM6 no. 3 (tied for place 3)"
    dialog.list.setCurrentRow(1)
    dialog.move(-1)  # staff put no. 2 first
    assert dialog.list.item(0).text() == "1. Pearl SM6 no. 2"
    dialog.lock.click()
    assert dialog.confirm.isVisible() and "cannot be undone" in dialog.confirm_text.text()
    save_shot(dialog, "results_winners_en")
    dialog.lock_for_good.click()

    qtbot.waitUntil(lambda: page.loaded.results.round.state == ROUND_LOCKED, timeout=10_000)
    rnd = page.loaded.results.round
    assert [w.entry for w in store.winners(rnd.id)][:3] == [keys[1], keys[0], keys[2]]
    assert page.lock_badge.isVisible() and page.winners.isVisible()
    assert page.winner_lines()[:2] == ["1. Pearl SM6 no. 2", "2. Pearl SM6 no. 1"] and len(page.winner_lines()) == 10
    assert not page.winners_button.isEnabled() and not page.advance_button.isEnabled()
    save_shot(page, "results_locked_en")
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: page.title.text() == "결과", timeout=5000)
        assert page.lock_badge.text() == "잠김: 확정" and page.winners_title.text() == "수상작"
        assert page.message.text() == "결과를 잠갔습니다: 수상작 10개."
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "순위"
        save_shot(page, "results_locked_ko")
    finally:
        apply_language("en")


def test_locking_after_another_machine_locked_says_so_plainly(qtbot, page, setup, tmp_path):
    store, keys, judges = setup
    other = open_store(str(tmp_path / "curation.db"), tmp_path / "default.db")
    try:
        rnd_id = page.loaded.results.round.id
        other.lock_winners(rnd_id, [Winner(i + 1, k) for i, k in enumerate(keys[:10])], by=judges[1])
    finally:
        other.close()
    dialog = page.choose_winners()
    dialog.lock.click()
    dialog.lock_for_good.click()

    qtbot.waitUntil(lambda: "already locked" in page.message.text(), timeout=10_000)
    assert "Min-jun" in page.message.text() and "Error" not in page.message.text()
    qtbot.waitUntil(lambda: page.lock_badge.isVisible(), timeout=10_000)
    assert [w.entry for w in store.winners(rnd_id)] == keys[:10]  # the first lock stands


def test_exports_write_files_that_open_and_say_where(qtbot, page, tmp_path):
    targets = {"csv": tmp_path / "scores.csv", "zip": tmp_path / "finalists.zip", "report": tmp_path / "report.html"}
    for what, path in targets.items():
        page.export(what, path)
        qtbot.waitUntil(lambda p=path: page.message.text() == f"Saved to {p}", timeout=20_000)
        assert page.show_folder.isVisible()
    with open(targets["csv"], newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + len(SCORES) and any("rank" in cell.lower() for cell in rows[0])
    with zipfile.ZipFile(targets["zip"]) as archive:
        assert archive.testzip() is None and archive.namelist()
    assert "<html" in targets["report"].read_text(encoding="utf-8").lower()


@pytest.mark.parametrize(
    "alpha, words",
    [
        (0.82, "Judges agree well (α = 0.82)"),
        (0.7, "Judges agree only tentatively (α = 0.70)"),
        (0.41, "Judges agree poorly (α = 0.41): look at the scores before advancing"),
        (None, "Agreement cannot be measured yet: it needs two judges scoring the same entries."),
    ],
)
def test_agreement_is_read_out_in_plain_words(qapp, alpha, words):
    assert agreement_text(ranking.Agreement(alpha, 3, 10)) == words


def test_a_locked_result_offers_to_pay_the_winners_and_an_open_one_does_not(qtbot, setup):
    store, keys, judges = setup
    asked = []
    view = ResultsPage(store, judges[0], Settings(), pay=asked.append)
    qtbot.addWidget(view)
    view.show()
    view.set_round(None)
    qtbot.waitUntil(lambda: view.loaded is not None and not view.busy, timeout=10_000)
    assert not view.pay_button.isVisible()  # nothing to pay before the result is final

    rnd = view.loaded.results.round
    store.lock_winners(rnd.id, [Winner(rank, key) for rank, key in enumerate(keys[:10], 1)], by=judges[0])
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded.results.round.state == ROUND_LOCKED, timeout=10_000)
    assert view.pay_button.isVisible() and view.pay_button.text() == "Pay the winners…"
    view.pay_button.click()
    assert asked == [rnd.id]
