"""Today's submissions, for staff to hand on: one CSV row per mint a visitor asked for on this kiosk today, and each
submitted design's PNG beside it, in a new folder inside the one staff chose (nothing there is ever overwritten).

Works on what the minting outbox recorded (records with `kind`, `created_at`, `design_id`, `token_id`, `recipient`,
`tx_hash`, `state`, `content_hash`), so it needs no chain of its own; where a picture is and what a row links to are
asked of the caller (the library's image store, the network's explorer).
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

from app.errors import UserFacingError
from app.fsutil import atomic_write_text, describe_os_error
from app.showroom import messages as msgs

COLUMNS = ("design id", "time", "token id", "recipient address", "transaction hash", "explorer link", "state")
CSV_NAME = "submissions.csv"


@dataclass(frozen=True)
class Submission:
    design_id: str
    at: datetime  # local time
    token_id: int | None
    recipient: str
    tx_hash: str
    link: str
    state: str
    image: Path | None  # the design's PNG; None when the library no longer has it


def submissions_of(
    records: Iterable,
    day: date,
    link: Callable[[object], str],
    image: Callable[[object], Path | None],
) -> list[Submission]:
    """The mints recorded on `day` (local time), oldest first; transfers of KAIA are not submissions."""
    out = []
    for record in records:
        try:
            at = datetime.fromtimestamp(record.created_at)
        except (OverflowError, OSError, ValueError):  # a damaged row's time is no day at all, so not today's
            continue
        if getattr(record, "kind", "mint") != "mint" or at.date() != day:
            continue
        out.append(
            Submission(
                record.design_id,
                at,
                record.token_id,
                record.recipient,
                record.tx_hash,
                link(record),
                record.state,
                image(record),
            )
        )
    return sorted(out, key=lambda s: s.at)


def export_folder_name(day: date) -> str:
    return f"sm6-submissions-{day.isoformat()}"


def write_submissions(folder: Path, submissions: list[Submission], day: date) -> Path:
    """Write the CSV and the PNGs into a new folder inside `folder`; returns it. UserFacingError (in words) when
    the disk refuses; a picture the library lost is left out, its row kept."""
    folder = Path(folder)
    try:
        target = _new_folder(folder, export_folder_name(day))
        rows = io.StringIO()
        writer = csv.writer(rows, lineterminator="\n")
        writer.writerow(COLUMNS)
        for s in submissions:
            token = "" if s.token_id is None else str(s.token_id)
            writer.writerow(
                [s.design_id, s.at.isoformat(" ", "seconds"), token, s.recipient, s.tx_hash, s.link, s.state]
            )
            if s.image is not None and s.image.is_file():
                shutil.copyfile(s.image, target / f"{_safe(s.design_id)}.png")
        atomic_write_text(target / CSV_NAME, rows.getvalue())
    except OSError as exc:
        raise UserFacingError(msgs.EXPORT_FAILED(folder=folder, reason=describe_os_error(exc)), str(exc)) from None
    return target


def _new_folder(parent: Path, name: str) -> Path:
    for n in range(1, 1000):
        candidate = parent / (name if n == 1 else f"{name}-{n}")
        try:
            candidate.mkdir(parents=False)
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(parent / name)


def _safe(design_id: str) -> str:
    """A file name from a design id (ids are hex, but a damaged row must not name a path)."""
    kept = "".join(c for c in str(design_id) if c.isalnum() or c in "-_")
    return kept[:80] or "design"
