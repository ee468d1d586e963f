"""The results report's charts: small inline SVG drawn here (no JavaScript, no network), legible on paper.

Every bar is a `<rect class="bar">` carrying its bucket and count (`data-bucket`, `data-count`) and a `<title>`, so a
reader's tooltip and a test see the same numbers as the eye. All text is escaped: judges' names come from outside.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from app.curation import ranking
from app.curation.models import SCORE_MAX, SCORE_MIN, SCORED, Criterion, Verdict

BAR = "#F2B705"  # the accent
BAR_EDGE = "#8A6A00"
INK = "#15181C"
MUTED = "#5C636E"
RULE = "#DADDE2"
FONT = "system-ui, 'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"
TOTAL_BIN = 0.5  # weighted totals (1-5) are counted in bins this wide
MAX_LABEL = 22  # characters of a judge's name shown beside a bar


@dataclass(frozen=True)
class Spread:
    label: str
    mean: float
    sd: float
    n: int


def score_counts(verdicts: Sequence[Verdict], criterion: str) -> list[tuple[str, int]]:
    """How many SCORED verdicts gave each 1-5 score on one criterion."""
    counts = dict.fromkeys(range(SCORE_MIN, SCORE_MAX + 1), 0)
    for verdict in verdicts:
        value = verdict.scores.get(criterion) if verdict.kind == SCORED else None
        if isinstance(value, int) and not isinstance(value, bool) and value in counts:
            counts[value] += 1
    return [(str(value), n) for value, n in counts.items()]


def total_counts(verdicts: Sequence[Verdict], criteria: Sequence[Criterion]) -> list[tuple[str, int]]:
    """How many complete SCORED verdicts have a weighted total in each bin (1.0-1.5, ..., 4.5-5.0)."""
    edges = [SCORE_MIN + i * TOTAL_BIN for i in range(int((SCORE_MAX - SCORE_MIN) / TOTAL_BIN) + 1)]
    counts = [0] * (len(edges) - 1)
    for verdict in verdicts:
        total = ranking.weighted_total(verdict.scores, criteria) if verdict.kind == SCORED else None
        if total is not None:
            counts[min(int((total - SCORE_MIN) / TOTAL_BIN), len(counts) - 1)] += 1
    return [(f"{lo:g}–{hi:g}", n) for lo, hi, n in zip(edges, edges[1:], counts)]


def judge_spreads(verdicts: Sequence[Verdict], criteria: Sequence[Criterion], names: dict[int, str]) -> list[Spread]:
    """Each judge's mean and standard deviation of weighted totals (complete SCORED verdicts), by judge id."""
    totals: dict[int, list[float]] = {}
    for verdict in verdicts:
        total = ranking.weighted_total(verdict.scores, criteria) if verdict.kind == SCORED else None
        if total is not None:
            totals.setdefault(verdict.judge_id, []).append(total)
    out = []
    for judge_id in sorted(totals):
        values = totals[judge_id]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        out.append(Spread(names.get(judge_id, f"#{judge_id}"), mean, sd, len(values)))
    return out


def _text(x: float, y: float, words: str, *, size: int = 11, anchor: str = "middle", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">{escape(words)}</text>'
    )


def _nice_top(value: int) -> int:
    """A round number at or above `value` for the axis (1, 2, 5, 10, 20, 50, ...)."""
    if value <= 1:
        return 1
    power = 10 ** int(math.floor(math.log10(value)))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def histogram_svg(title: str, buckets: Sequence[tuple[str, int]], *, x_label: str, y_label: str) -> str:
    """Vertical bars, one per bucket, with the count above each bar."""
    width, height = 330, 210
    left, right, top, bottom = 44, 12, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_top(max((n for _, n in buckets), default=0))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" role="img" aria-label="{escape(title)}">',
        _text(width / 2, 16, title, size=13, fill=INK),
    ]
    for fraction in (0, 0.5, 1):
        y = top + plot_h * (1 - fraction)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{RULE}"/>')
        parts.append(_text(left - 6, y + 4, f"{peak * fraction:g}", size=10, anchor="end", fill=MUTED))
    slot = plot_w / max(1, len(buckets))
    for i, (bucket, count) in enumerate(buckets):
        bar_h = plot_h * count / peak
        x, y = left + i * slot + slot * 0.15, top + plot_h - bar_h
        parts.append(
            f'<rect class="bar" data-bucket="{escape(bucket)}" data-count="{count}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{bar_h:.1f}" fill="{BAR}" stroke="{BAR_EDGE}" stroke-width="0.8">'
            f"<title>{escape(bucket)}: {count}</title></rect>"
        )
        if count:
            parts.append(_text(x + slot * 0.35, y - 3, str(count), size=10))
        parts.append(_text(x + slot * 0.35, top + plot_h + 14, bucket, size=10, fill=MUTED))
    parts.append(_text(left + plot_w / 2, height - 8, x_label, size=11, fill=MUTED))
    parts.append(
        f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="11" text-anchor="middle" fill="{MUTED}" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{escape(y_label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def spread_svg(title: str, spreads: Sequence[Spread], *, scale_label: str) -> str:
    """One horizontal bar per judge from the bottom of the 1-5 scale to the judge's mean, a whisker of one standard
    deviation each side, and the figures written out (colour is never the only carrier)."""
    row_h, top, bottom = 26, 30, 40
    left, right, width = 140, 130, 680
    height = top + bottom + row_h * max(1, len(spreads))
    plot_w = width - left - right

    def at(value: float) -> float:
        clipped = min(max(value, SCORE_MIN), SCORE_MAX)
        return left + plot_w * (clipped - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" role="img" aria-label="{escape(title)}">',
        _text(width / 2, 16, title, size=13),
    ]
    for value in range(SCORE_MIN, SCORE_MAX + 1):
        x = at(value)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="{RULE}"/>')
        parts.append(_text(x, height - bottom + 14, str(value), size=10, fill=MUTED))
    parts.append(_text(left + plot_w / 2, height - 8, scale_label, size=11, fill=MUTED))
    for i, spread in enumerate(spreads):
        y = top + i * row_h + 4
        name = spread.label if len(spread.label) <= MAX_LABEL else spread.label[: MAX_LABEL - 1] + "…"
        parts.append(_text(left - 8, y + 13, name, anchor="end"))
        parts.append(
            f'<rect class="bar" data-bucket="{escape(spread.label)}" data-count="{spread.n}" '
            f'data-mean="{spread.mean:.3f}" data-sd="{spread.sd:.3f}" x="{left}" y="{y:.1f}" '
            f'width="{at(spread.mean) - left:.1f}" height="{row_h - 10}" fill="{BAR}" stroke="{BAR_EDGE}" '
            f'stroke-width="0.8"><title>{escape(spread.label)}: {spread.mean:.2f} ± {spread.sd:.2f}</title></rect>'
        )
        low, high, mid = at(spread.mean - spread.sd), at(spread.mean + spread.sd), y + (row_h - 10) / 2
        parts.append(f'<line x1="{low:.1f}" y1="{mid:.1f}" x2="{high:.1f}" y2="{mid:.1f}" stroke="{INK}"/>')
        for end in (low, high):
            parts.append(f'<line x1="{end:.1f}" y1="{mid - 5:.1f}" x2="{end:.1f}" y2="{mid + 5:.1f}" stroke="{INK}"/>')
        figures = f"{spread.mean:.2f} ± {spread.sd:.2f} (n={spread.n})"
        parts.append(_text(width - right + 8, y + 13, figures, anchor="start", size=10, fill=MUTED))
    parts.append("</svg>")
    return "".join(parts)
