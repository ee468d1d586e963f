"""The printable results report: the campaign's counts, each round's agreement, the ranking with its ties, the
winners with their pictures, score charts a reader can trust (each bar's count is the data's), outside text
escaped, and the whole report in Korean when the core speaks Korean."""

from __future__ import annotations

import base64
import io
import re
import struct
import xml.etree.ElementTree as ET
import zlib

import pytest
from PIL import Image

from app import i18n
from app.curation import ranking, report_charts
from app.curation.models import DEFAULT_CRITERIA, ROUND_CLOSED, SCORED, Verdict, Winner
from app.curation.report import report_html, thumbnail_uri, write_report
from app.errors import UserFacingError
from tests.app.curation_campaign import KOREAN, SCRIPT, build_campaign, png
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    from app.curation.store import open_store

    folder = tmp_path_factory.mktemp("campaign")
    opened = open_store(str(folder / "curation.db"), folder / "default.db")
    try:
        yield opened, build_campaign(opened)
    finally:
        opened.close()


def charts(page: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def bars(svg: ET.Element) -> list[tuple[str, int]]:
    return [(r.get("data-bucket"), int(r.get("data-count"))) for r in svg.iter(f"{SVG}rect") if r.get("class") == "bar"]


def title_of(svg: ET.Element) -> str:
    return svg.get("aria-label")


# --- charts on their own ---------------------------------------------------------------------------------------------


def test_histogram_has_a_bar_per_bucket_as_tall_as_its_count_and_escapes_its_words():
    svg = ET.fromstring(
        report_charts.histogram_svg("<b>Craft</b>", [("1", 0), ("2", 3), ("3", 6)], x_label="Score", y_label="n")
    )
    assert bars(svg) == [("1", 0), ("2", 3), ("3", 6)]
    heights = {r.get("data-bucket"): float(r.get("height")) for r in svg.iter(f"{SVG}rect")}
    assert heights["1"] == 0 and heights["3"] == pytest.approx(2 * heights["2"])
    assert title_of(svg) == "<b>Craft</b>"  # text, not markup: parsed back as the same characters


def test_score_counts_and_spreads_count_only_complete_scored_verdicts():
    criteria = DEFAULT_CRITERIA
    full = {c.id: 4 for c in criteria}
    verdicts = [
        Verdict(1, 1, 1, SCORED, full),
        Verdict(1, 2, 1, SCORED, {**full, "craft": 2}),
        Verdict(1, 3, 1, SCORED, {"sm6": 5}),  # unfinished: not in the totals, but its sm6 score was given
        Verdict(1, 1, 2, "abstain", full),
    ]
    assert dict(report_charts.score_counts(verdicts, "craft")) == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0}
    assert dict(report_charts.score_counts(verdicts, "sm6"))["5"] == 1
    totals = dict(report_charts.total_counts(verdicts, criteria))
    assert sum(totals.values()) == 2 and totals["3.5–4"] == 1 and totals["4–4.5"] == 1
    (spread,) = report_charts.judge_spreads(verdicts, criteria, {1: "Alice"})
    assert spread.label == "Alice" and spread.n == 2 and spread.mean == pytest.approx((4 + 3.5) / 2)


def test_a_thumbnail_is_a_small_jpeg_and_an_image_bomb_gets_none():
    uri = thumbnail_uri(png((10, 20, 30), size=(1200, 800)))
    assert uri.startswith("data:image/jpeg;base64,")
    small = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert small.format == "JPEG" and max(small.size) <= 320
    # a PNG whose header declares 100,000 x 100,000 pixels
    head = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + head
    bomb = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(head)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    assert thumbnail_uri(bomb) == "" and thumbnail_uri(b"not a picture") == ""


# --- the report on a real store -----------------------------------------------------------------------------------


def test_report_counts_the_campaign_and_reads_each_rounds_agreement(campaign):
    store, c = campaign
    page = report_html(store, c.round_id)
    cell = r"<td class=\"(?:sub)?\">(?:&nbsp;&nbsp;– )?([^<]+)</td><td class=\"num\">([\d,]+)</td>"
    counts = dict(re.findall(cell, page))
    assert counts["Submissions imported"] == "8" and counts["Valid, judged"] == "7" and counts["Kept aside"] == "1"
    assert counts["Picture unreadable or too large"] == "1"
    assert counts["Disqualified"] == "1" and counts["Unsafe"] == "1"
    assert counts["In duplicate groups"] == "2"
    rnd = store.round(c.round_id)
    agreement = ranking.agreement(store.verdicts(c.round_id), rnd.criteria)
    alpha = agreement.alpha
    assert alpha is not None and f'<td class="num">{alpha:.2f}</td>' in page
    craft = dict(agreement.by_criterion)["craft"]
    assert f"Craft {craft:.2f}" in page  # where the judges agree, criterion by criterion
    assert "Long list" in page and ("agreement" in page.lower())


def test_report_ranks_with_ties_marked_and_escapes_outside_text(campaign):
    store, c = campaign
    page = report_html(store, c.round_id)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Carol &lt;b&gt;" in page and "Carol <b>" not in page
    assert page.count('<span class="tie">tie</span>') >= 2
    first_row = re.search(r"<tbody><tr><td class=\"num\">1</td><td class=\"num\">(\d+)</td>", page.split("Ranking")[1])
    assert int(first_row.group(1)) == c.keys["Aurora"]
    assert "No winners are recorded for this round yet" in page
    assert "@media print" in page
    for fetches in ("<link", "@import", 'src="http', "url(", "<iframe"):  # self-contained: nothing fetched
        assert fetches not in page, fetches


def test_report_charts_count_every_score_given(campaign):
    store, c = campaign
    page = report_html(store, c.round_id)
    found = {title_of(svg): svg for svg in charts(page)}
    verdicts = store.verdicts(c.round_id)
    counted = [v for v in verdicts if v.kind == SCORED and len(v.scores) == len(DEFAULT_CRITERIA)]
    totals = bars(found["Weighted totals of every verdict"])
    assert len(totals) == 8 and sum(n for _, n in totals) == len(counted)
    craft = dict(bars(found["Craft: scores given"]))
    assert list(craft) == ["1", "2", "3", "4", "5"]
    assert craft == {str(s): sum(v.scores.get("craft") == s for v in counted) for s in range(1, 6)}
    judges = found["Each judge's mean total ± one standard deviation"]
    assert [b for b, _ in bars(judges)] == ["Alice", "Bob", "Carol <b>"]


def test_report_in_korean(campaign, tmp_path):
    store, c = campaign
    out = tmp_path / "report.html"
    i18n.set_language("ko")
    try:
        write_report(store, c.round_id, out)
    finally:
        i18n.set_language("en")
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ko">' in page
    for words in ("캠페인 결과", "응모작", "실격 처리", "순위", "수상작", "점수 분포", "심사위원"):
        assert words in page, words
    assert KOREAN in page and "Submissions imported" not in page
    titles = [title_of(svg) for svg in charts(page)]
    assert any("기준" in t or "점수" in t for t in titles)


def test_a_report_that_cannot_be_written_is_said_in_words(campaign, tmp_path):
    store, c = campaign
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserFacingError) as error:
        write_report(store, c.round_id, blocker / "report.html")
    assert "could not be written" in error.value.message
    with pytest.raises(UserFacingError):
        write_report(store, 9999, tmp_path / "report.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_report_of_a_locked_round_shows_its_winners_with_pictures(store, tmp_path):
    """On SQLite and PostgreSQL."""
    c = build_campaign(store)
    staff = c.judges["Alice"]
    store.set_round_state(c.round_id, ROUND_CLOSED, by=staff)
    winners = [c.keys[KOREAN], c.keys["Aurora"], c.keys[SCRIPT]]
    store.lock_winners(c.round_id, [Winner(i + 1, e) for i, e in enumerate(winners)], by=staff)
    out = tmp_path / "report.html"
    write_report(store, c.round_id, out)
    page = out.read_text(encoding="utf-8")
    assert page.count("<div class='winner'>") == 3
    assert page.count('src="data:image/jpeg;base64,') == 3
    places = re.findall(r"<div class='place'>Place (\d+)</div>", page)
    assert places == ["1", "2", "3"]
    first = page.split("<div class='winner'>")[1]
    assert KOREAN in first and "Token #102" in first
