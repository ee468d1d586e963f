"""The printable results report: one self-contained HTML file (inline CSS and SVG, small inline JPEG thumbnails, no
script, nothing fetched), for staff to print or hand on.

It says what the campaign received (submissions, valid, kept aside by reason, disqualified by reason, duplicates),
each round with how far its judges agree (Krippendorff's alpha, read in plain words), the ranking of the chosen round
with its ties, the winners with their pictures, and how the scores are spread (charts from `report_charts.py`).

The words are core messages (`curation.report.*`), so the report is written in the language the core speaks
(`app.i18n.set_language`). Every piece of outside text (entry names, owners, judges' and rounds' names) is escaped.
"""

from __future__ import annotations

import base64
import io
import warnings
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from app import i18n
from app.curation import ranking, report_charts
from app.curation import report_words as words
from app.curation.exports import (
    WRITE_FAILED,
    RoundResults,
    disqualified_keys,
    round_results,
    shareable,
    submissions_in_order,
)
from app.curation.interface import CurationStore
from app.curation.models import DEFAULT_CRITERIA, PROBLEM_KINDS, Criterion, Round, Submission
from app.errors import UserFacingError
from app.fsutil import atomic_write_text, describe_os_error

TOP = 50  # ranking rows shown (more when the last place is tied)
THUMB_SIDE = 160
THUMB_MAX_PIXELS = 40_000_000  # a picture declaring more is an image bomb: no thumbnail, never decoded
THUMB_MAX_BYTES = 64 * 1024 * 1024

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, 'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif;
  color: #15181C; background: #FFFFFF; margin: 24px auto; max-width: 960px; font-size: 14px; line-height: 1.45;
  word-break: keep-all; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #F2B705;
  padding-bottom: 4px; }
.muted { color: #5C636E; } .note { color: #5C636E; font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #DADDE2; vertical-align: middle; }
th { background: #F0F2F5; font-weight: 600; } td.num, th.num { text-align: right; } th { white-space: nowrap; }
td.name { max-width: 280px; overflow-wrap: anywhere; } td.owner { font-family: ui-monospace, monospace; font-size: 12px;
  white-space: nowrap; }
.tie { display: inline-block; margin-left: 4px; padding: 0 6px; border-radius: 8px; background: #F0F2F5;
  font-size: 11px; color: #5C636E; }
.winners { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 16px; }
.winner { border: 1px solid #DADDE2; border-radius: 12px; padding: 12px; break-inside: avoid; }
.winner img { width: 100%; height: auto; border-radius: 8px; display: block; background: #F0F2F5; }
.winner .place { font-size: 16px; font-weight: 700; } .winner .name { overflow-wrap: anywhere; margin-top: 8px; }
.winner .owner { font-family: ui-monospace, monospace; font-size: 11px; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { break-inside: avoid; max-width: 100%; height: auto; }
thead { display: table-header-group; } tr { break-inside: avoid; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.page { break-before: page; } h2 { break-after: avoid; }
}
"""


def write_report(store: CurationStore, round_id: int, path: Path | str, *, now: float | None = None) -> None:
    """The report of `round_id` (with the whole campaign's counts and every round's agreement) written to `path`
    atomically. UserFacingError (in words) when the round is gone or the file cannot be written."""
    path = Path(path)
    page = report_html(store, round_id, now=now)
    try:
        atomic_write_text(path, page)
    except OSError as exc:
        raise UserFacingError(WRITE_FAILED(file=str(path), reason=describe_os_error(exc)), str(exc)) from None
    shareable(path)


def report_html(store: CurationStore, round_id: int, *, now: float | None = None) -> str:
    results = round_results(store, round_id)
    when = datetime.fromtimestamp(now, UTC) if now is not None else datetime.now(UTC)
    title = str(words.TITLE(round=results.round.name))
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">{escape(str(words.MADE(when=i18n.moment(when))))}</p>',
        _counts_section(store),
        _rounds_section(store, results.round.id),
        _ranking_section(store, results),
        _winners_section(store, results),
        _charts_section(store, results),
        f'<p class="note">{escape(str(words.FOOTER()))}</p>',
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(i18n.language())}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _table(head: Sequence[tuple[str, str]], rows: Sequence[Sequence[tuple[str, str]]]) -> str:
    """Cells are (css class, html already escaped)."""
    out = ["<table><thead><tr>"]
    out += [f'<th class="{cls}">{cell}</th>' for cls, cell in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f'<td class="{cls}">{cell}</td>' for cls, cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _e(message: object) -> str:
    return escape(str(message))


# --- the campaign's counts ------------------------------------------------------------------------------------------


def disqualified_by_reason(store: CurationStore) -> Counter[str]:
    """How many submissions are disqualified for each reason."""
    reasons: Counter[str] = Counter()
    for _, sub in submissions_in_order(store, sorted(disqualified_keys(store))):
        if sub is not None and sub.disqualified is not None:
            reasons[sub.disqualified.reason] += 1
    return reasons


def _counts_section(store: CurationStore) -> str:
    counts = store.counts()
    ok, bad = int(counts.get("ok", 0)), int(counts.get("bad", 0))
    rows = [
        (words.SUBMITTED(), ok + bad, False),
        (words.VALID(), ok, False),
        (words.KEPT_ASIDE(), bad, False),
    ]
    rows += [(words.problem_word(kind), int(counts.get(kind, 0)), True) for kind in PROBLEM_KINDS if counts.get(kind)]
    by_reason = disqualified_by_reason(store)
    rows.append((words.DISQUALIFIED(), int(counts.get("disqualified", sum(by_reason.values()))), False))
    rows += [(words.dq_word(reason), n, True) for reason, n in sorted(by_reason.items())]
    rows.append((words.DUPLICATES(), int(counts.get("duplicates", 0)), False))
    table = _table(
        [("", _e(words.WHAT())), ("num", _e(words.HOW_MANY()))],
        [
            [("sub" if sub else "", ("&nbsp;&nbsp;– " if sub else "") + _e(label)), ("num", f"{n:,}")]
            for label, n, sub in rows
        ],
    )
    return f"<section><h2>{_e(words.SUBMISSIONS())}</h2>{table}</section>"


# --- rounds and agreement -------------------------------------------------------------------------------------------


def _by_criterion(rnd: Round, agreement: ranking.Agreement) -> str:
    """α of each criterion, under the reading: where the judges agree and where they do not."""
    labels = {c.id: criterion_label(c) for c in rnd.criteria}
    parts = [
        f"{escape(labels.get(cid, cid))} {alpha:.2f}" for cid, alpha in agreement.by_criterion if alpha is not None
    ]
    return f"<div class='note'>{' · '.join(parts)}</div>" if parts else ""


def _rounds_section(store: CurationStore, current: int) -> str:
    rows = []
    for rnd in sorted(store.rounds(), key=lambda r: (r.position, r.id)):
        agreement = ranking.agreement(store.verdicts(rnd.id), rnd.criteria)
        alpha = "–" if agreement.alpha is None else f"{agreement.alpha:.2f}"
        name = f"<strong>▶&nbsp;{_e(rnd.name)}</strong>" if rnd.id == current else _e(rnd.name)
        rows.append(
            [
                ("name", name),
                ("", _e(words.state_word(rnd.state))),
                ("", _e(words.YES() if rnd.blind else words.NO())),
                ("num", str(agreement.judges)),
                ("num", f"{len(store.round_entries(rnd.id)):,}"),
                ("num", alpha),
                ("", _e(words.alpha_reading(agreement.alpha)) + _by_criterion(rnd, agreement)),
            ]
        )
    head = [
        ("", _e(words.ROUND())),
        ("", _e(words.STATE())),
        ("", _e(words.BLIND())),
        ("num", _e(words.JUDGES())),
        ("num", _e(words.ENTRIES())),
        ("num", "α"),
        ("", _e(words.READING())),
    ]
    note = f"<p class='note'>{_e(words.ALPHA_NOTE())}</p>"
    return f"<section><h2>{_e(words.ROUNDS())}</h2>{_table(head, rows)}{note}</section>"


# --- the ranking and the winners ------------------------------------------------------------------------------------


def shown_standings(results: RoundResults, top: int = TOP) -> list:
    """The first `top` places, and every entry tied with the last of them (a tie is never cut in half)."""
    ranked = list(results.standings)
    if len(ranked) <= top:
        return ranked
    last = ranked[top - 1].rank
    return [s for s in ranked if s.rank <= last]


def short_address(owner: str) -> str:
    """0x1234ab…cdef12: enough to tell owners apart in a table (the winners' cards show it whole)."""
    return owner if len(owner) <= 16 else f"{owner[:8]}…{owner[-6:]}"


def _ranking_section(store: CurationStore, results: RoundResults) -> str:
    shown = shown_standings(results)
    subs = dict(submissions_in_order(store, [s.entry for s in shown]))
    rows = []
    for standing in shown:
        sub = subs.get(standing.entry)
        rank = str(standing.rank) + (f'<span class="tie">{_e(words.TIE())}</span>' if standing.tied else "")
        rows.append(
            [
                ("num", rank),
                ("num", str(standing.entry)),
                ("name", escape(sub.name) if sub else ""),
                ("owner", escape(short_address(sub.owner)) if sub else ""),
                ("num", f"{standing.raw_mean:.2f}"),
                ("num", f"{standing.total:+.2f}"),
                ("num", str(standing.judges)),
            ]
        )
    head = [
        ("num", _e(words.RANK())),
        ("num", _e(words.ENTRY())),
        ("", _e(words.NAME())),
        ("", _e(words.OWNER())),
        ("num", _e(words.MEAN_SCORE())),
        ("num", _e(words.NORMALISED())),
        ("num", _e(words.JUDGES())),
    ]
    unscored = len(results.entries) - len(results.standings) - len(results.disqualified)
    notes = [words.SHOWN(shown=len(shown), ranked=len(results.standings)), words.TIES_NOTE()]
    if unscored:
        notes.append(words.UNSCORED(count=unscored))
    if not rows:
        return f"<section class='page'><h2>{_e(words.RANKING())}</h2><p>{_e(words.NO_SCORES())}</p></section>"
    notes_html = "".join(f"<p class='note'>{_e(n)}</p>" for n in notes)
    return f"<section class='page'><h2>{_e(words.RANKING())}</h2>{_table(head, rows)}{notes_html}</section>"


def thumbnail_uri(image: bytes, side: int = THUMB_SIDE) -> str:
    """A small JPEG of the picture as a data: URI; "" for bytes that are not a picture, are damaged, or declare more
    than THUMB_MAX_PIXELS (checked from the header, before any pixel is decoded)."""
    from PIL import Image, ImageOps

    if not image or len(image) > THUMB_MAX_BYTES:
        return ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(image), formats=("PNG", "JPEG", "WEBP", "GIF")) as picture:
                width, height = picture.size
                if width <= 0 or height <= 0 or width * height > THUMB_MAX_PIXELS:
                    return ""
                picture.draft("RGB", (side * 2, side * 2))
                picture.thumbnail((side * 2, side * 2))
                small = ImageOps.exif_transpose(picture).convert("RGB")  # a phone photo stands up as taken
        out = io.BytesIO()
        small.save(out, "JPEG", quality=80, optimize=True)
    except Exception:  # noqa: BLE001 - hostile bytes mean "no thumbnail", never a failed report
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _winners_section(store: CurationStore, results: RoundResults) -> str:
    head = f"<section class='page'><h2>{_e(words.WINNERS())}</h2>"
    if not results.winners:
        return head + f"<p>{_e(words.NO_WINNERS())}</p></section>"
    cards = []
    for winner, (_, sub) in zip(results.winners, submissions_in_order(store, [w.entry for w in results.winners])):
        cards.append(_winner_card(store, winner.rank, winner.entry, sub))
    return head + "<div class='winners'>" + "".join(cards) + "</div></section>"


def _winner_card(store: CurationStore, rank: int, entry: int, sub: Submission | None) -> str:
    image = store.image(sub.image_sha256) if sub and sub.image_sha256 else None
    uri = thumbnail_uri(image) if image else ""
    alt = _e(words.PICTURE_OF(entry=entry))
    picture = f'<img src="{uri}" alt="{alt}">' if uri else f"<p class='muted'>{_e(words.NO_PICTURE())}</p>"
    lines = [f"<div class='place'>{_e(words.PLACE(rank=rank))}</div>", picture]
    lines.append(f"<div class='name'>{escape(sub.name) if sub and sub.name else _e(words.ENTRY_NO(entry=entry))}</div>")
    if sub and sub.token_id is not None:
        lines.append(f"<div class='muted'>{_e(words.TOKEN(token=sub.token_id))}</div>")
    if sub and sub.owner:
        lines.append(f"<div class='owner muted'>{escape(sub.owner)}</div>")
    return "<div class='winner'>" + "".join(lines) + "</div>"


# --- charts --------------------------------------------------------------------------------------------------------


def criterion_label(criterion: Criterion) -> str:
    """A default criterion in the report's language; a staff-made one in the staff's words."""
    if any(c.id == criterion.id and c.label == criterion.label for c in DEFAULT_CRITERIA):
        return str(words.criterion_word(criterion.id))
    return criterion.label


def _charts_section(store: CurationStore, results: RoundResults) -> str:
    verdicts = [v for vs in results.verdicts.values() for v in vs]
    head = f"<section class='page'><h2>{_e(words.DISTRIBUTIONS())}</h2>"
    if not results.standings:
        return head + f"<p>{_e(words.NO_SCORES())}</p></section>"
    criteria = results.round.criteria
    score, count = str(words.SCORE()), str(words.VERDICTS())
    charts = [
        report_charts.histogram_svg(
            str(words.TOTALS_CHART()),
            report_charts.total_counts(verdicts, criteria),
            x_label=str(words.WEIGHTED_TOTAL()),
            y_label=count,
        )
    ]
    for criterion in criteria:
        charts.append(
            report_charts.histogram_svg(
                str(words.CRITERION_CHART(criterion=criterion_label(criterion))),
                report_charts.score_counts(verdicts, criterion.id),
                x_label=score,
                y_label=count,
            )
        )
    names = {j.id: j.name for j in results.round_judges}
    spreads = report_charts.judge_spreads(verdicts, criteria, names)
    judges_chart = report_charts.spread_svg(str(words.JUDGES_CHART()), spreads, scale_label=str(words.WEIGHTED_TOTAL()))
    return (
        head
        + "<div class='charts'>"
        + "".join(charts)
        + "</div>"
        + f"<div class='charts'>{judges_chart}</div>"
        + f"<p class='note'>{_e(words.CHARTS_NOTE())}</p></section>"
    )
