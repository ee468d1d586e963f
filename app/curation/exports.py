"""What staff take out of a round: a CSV of every entry's scores and rank, and a ZIP of the finalists with everything
known about each (picture, metadata, description, provenance, scores). The printable report is `report.py`.

Decisions, for staff who ask:
- Exports are for staff, so a blind round's names and owners are exported too; the `blind_round` column says the
  judges did not see them.
- Rows are in ranking order (ties share a rank and say so in `tied`), then the entries nobody has scored yet, then
  the disqualified ones (by key). A disqualified entry has no rank, but keeps its row and its judges' scores, also
  when a round that takes every valid submission has dropped it since it was judged.
- Text from outside (names, owners, judges' names, comments) is guarded against spreadsheet formulas: a cell that
  starts with = + - @ (or a tab or carriage return) gets a leading apostrophe. Numbers we format are left alone.
- Files are written to a temp file and renamed (`app.fsutil.atomic_writer`): a crash leaves the old file or none.
- Memory stays bounded at 100,000 entries: submissions are read in chunks, pictures one at a time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import i18n, privacy
from app.curation import ranking
from app.curation.interface import CurationStore
from app.curation.models import (
    ABSTAIN,
    CONFLICT,
    SCORED,
    EntryFilter,
    Judge,
    Round,
    Standing,
    Submission,
    Verdict,
    Winner,
)
from app.errors import UserFacingError
from app.fsutil import atomic_writer, describe_os_error
from app.messages import Msg

NO_ROUND = Msg("curation.export.no_round", "That round is no longer in the curation database; nothing was exported.")
WRITE_FAILED = Msg("curation.export.write_failed", "The export could not be written to {file}: {reason}.")
README = Msg(
    "curation.export.readme",
    "Finalists of {round}, exported {when}.\n\n"
    "Each folder holds one finalist, in order ({count} in all):\n"
    "  image.*          the picture exactly as it was submitted\n"
    "  metadata.json    the token metadata as it was imported (when there was any)\n"
    "  description.txt  the entrant's description\n"
    "  provenance.json  where it came from: source, token, contract, owner, CIDs, mint time, generation settings\n"
    "  scores.json      every judge's verdict, scores and comment, and the entry's place in the ranking\n\n"
    "finalists.csv lists them all in one table.\n",
)

CHUNK = 500  # submissions read from the store at a time
PAGE_KEYS = 5000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_IMAGE_KINDS = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"GIF8", "gif"), (b"RIFF", "webp"))


@dataclass(frozen=True)
class RoundResults:
    """A round's results as the exports and the report read them."""

    round: Round
    judges: dict[int, Judge]  # every judge of the store, by id
    round_judges: tuple[Judge, ...]  # judges with a verdict in this round, by id
    entries: tuple[int, ...]  # the round's, and any judged in it that were disqualified since (by key)
    disqualified: frozenset[int]
    verdicts: dict[int, tuple[Verdict, ...]]  # entry -> its verdicts in this round, by judge id
    standings: tuple[Standing, ...]  # best first
    winners: tuple[Winner, ...]  # by rank; empty until the round is locked with winners

    def standing(self, entry: int) -> Standing | None:
        return self._by_entry.get(entry)

    def winner_rank(self, entry: int) -> int | None:
        return self._winner_ranks.get(entry)

    def ordered(self) -> list[int]:
        """Every entry of the round: ranked ones best first, then the unscored, then the disqualified (by key)."""
        ranked = [s.entry for s in self.standings]
        seen = set(ranked)
        unscored = [e for e in self.entries if e not in seen and e not in self.disqualified]
        return ranked + unscored + [e for e in self.entries if e in self.disqualified]

    def finalists(self) -> list[int]:
        """The winners by rank when the round has them, else its entries in ranking order (none disqualified)."""
        if self.winners:
            return [w.entry for w in self.winners]
        return [e for e in self.ordered() if e not in self.disqualified]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_entry", {s.entry: s for s in self.standings})
        object.__setattr__(self, "_winner_ranks", {w.entry: w.rank for w in self.winners})


def round_results(store: CurationStore, round_id: int) -> RoundResults:
    found = store.round(round_id)
    if found is None:
        raise UserFacingError(NO_ROUND())
    verdicts = store.verdicts(round_id)
    grouped: dict[int, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        grouped[verdict.entry].append(verdict)
    entries = tuple(sorted(set(store.round_entries(round_id)) | set(grouped)))
    out = disqualified_keys(store) & set(entries)
    judges = {j.id: j for j in store.judges()}
    in_round = sorted({v.judge_id for v in verdicts})
    eligible = [e for e in entries if e not in out]
    return RoundResults(
        round=found,
        judges=judges,
        round_judges=tuple(judges.get(j) or Judge(j, f"#{j}", 0.0) for j in in_round),
        entries=entries,
        disqualified=frozenset(out),
        verdicts={e: tuple(sorted(vs, key=lambda v: v.judge_id)) for e, vs in grouped.items()},
        standings=tuple(ranking.standings(verdicts, found.criteria, entries=eligible)),
        winners=tuple(sorted(store.winners(round_id), key=lambda w: (w.rank, w.entry))),
    )


def disqualified_keys(store: CurationStore) -> set[int]:
    """Every disqualified submission's key (few: read page by page)."""
    flt = EntryFilter(state="all", flags=frozenset({"disqualified"}))
    found: set[int] = set()
    below: int | None = None
    while keys := store.page_keys(flt, below=below, limit=PAGE_KEYS):
        found.update(keys)
        below = min(keys)
    return found


def submissions_in_order(store: CurationStore, keys: Sequence[int]) -> Iterator[tuple[int, Submission | None]]:
    """(key, submission or None when the store lost it) for each key, in the order given, CHUNK at a time."""
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        found = {s.key: s for s in store.submissions(chunk)}
        for key in chunk:
            yield key, found.get(key)


def guarded(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: float | None, places: int) -> str:
    return "" if value is None else f"{value:.{places}f}"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _iso(seconds: float | None) -> str:
    return "" if seconds is None else datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def _umask() -> int:
    """This process's umask, read without changing it (Linux says it in /proc; elsewhere the usual 022)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def shareable(path: Path) -> None:
    """An export is handed on: give it the person's usual file mode, not the owner-only one of the temp file it was
    written as (nor the one the data folder's files get while services are open: `privacy.shareable`)."""
    if os.name != "posix":
        return
    try:
        os.chmod(path, 0o666 & ~_umask())
    except OSError:
        return
    privacy.shareable(path)


def _fail(path: Path, exc: OSError) -> UserFacingError:
    return UserFacingError(WRITE_FAILED(file=str(path), reason=describe_os_error(exc)), str(exc))


# --- the CSV of scores and ranks -----------------------------------------------------------------------------------


def score_columns(results: RoundResults) -> list[str]:
    fixed = [
        "rank", "tied", "winner_rank", "entry", "source_key", "name", "blind_round", "owner", "token_id",
        "contract", "judges_scored", "abstentions", "conflicts", "comments", "raw_mean", "z_total",
        "duplicate_group", "disqualified", "disqualified_reason", "disqualified_note",
    ]  # fmt: skip
    per_judge = []
    for judge in results.round_judges:
        per_judge += [f"{judge.name}: verdict", f"{judge.name}: total"]
        per_judge += [f"{judge.name}: {criterion.label}" for criterion in results.round.criteria]
    return fixed + [guarded(c) for c in per_judge]


def score_row(results: RoundResults, key: int, sub: Submission | None) -> list[str]:
    standing = results.standing(key)
    verdicts = {v.judge_id: v for v in results.verdicts.get(key, ())}
    set_aside = [v for v in verdicts.values() if v.kind != SCORED]
    dq = sub.disqualified if sub else None
    winner = results.winner_rank(key)
    row = [
        str(standing.rank) if standing else "",
        _yes(standing.tied) if standing else "",
        "" if winner is None else str(winner),
        str(key),
        guarded(sub.source_key) if sub else "",
        guarded(sub.name) if sub else "",
        _yes(results.round.blind),
        guarded(sub.owner) if sub else "",
        "" if sub is None or sub.token_id is None else str(sub.token_id),
        guarded(sub.contract) if sub else "",
        str(standing.judges) if standing else "0",
        str(sum(v.kind == ABSTAIN for v in set_aside)),
        str(sum(v.kind == CONFLICT for v in set_aside)),
        str(sum(bool(v.comment.strip()) for v in verdicts.values())),
        _number(standing.raw_mean if standing else None, 3),
        _number(standing.total if standing else None, 4),
        "" if sub is None or sub.duplicate_group is None else str(sub.duplicate_group),
        _yes(dq is not None),
        dq.reason if dq else "",
        guarded(dq.note) if dq else "",
    ]
    for judge in results.round_judges:
        verdict = verdicts.get(judge.id)
        if verdict is None:
            row += [""] * (2 + len(results.round.criteria))
            continue
        total = ranking.weighted_total(verdict.scores, results.round.criteria)
        row += [verdict.kind, _number(total, 3)]
        row += [str(verdict.scores.get(c.id, "")) for c in results.round.criteria]
    return row


def export_scores_csv(store: CurationStore, round_id: int, path: Path | str) -> int:
    """One row per entry of the round (see the module's notes); UTF-8 with a BOM so Excel reads Korean. Returns the
    rows written. UserFacingError (in words) when the round is gone or the file cannot be written."""
    path = Path(path)
    results = round_results(store, round_id)
    rows = 0
    try:
        with atomic_writer(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            writer.writerow(score_columns(results))
            for key, sub in submissions_in_order(store, results.ordered()):
                writer.writerow(score_row(results, key, sub))
                rows += 1
            text.flush()
            text.detach()
    except OSError as exc:
        raise _fail(path, exc) from None
    shareable(path)
    return rows


# --- the ZIP of finalists ---------------------------------------------------------------------------------------


def image_suffix(image: bytes) -> str:
    return next((suffix for magic, suffix in _IMAGE_KINDS if image.startswith(magic)), "bin")


def provenance(sub: Submission) -> dict[str, Any]:
    return {
        "entry": sub.key,
        "source": sub.source,
        "source_key": sub.source_key,
        "origin": sub.origin,
        "token_id": sub.token_id,
        "contract": sub.contract,
        "chain_id": sub.chain_id,
        "owner": sub.owner,
        "metadata_cid": sub.metadata_cid,
        "image_cid": sub.image_cid,
        "image_sha256": sub.image_sha256,
        "width": sub.width,
        "height": sub.height,
        "minted_at": _iso(sub.minted_at),
        "before_deadline": sub.before_deadline,
        "created_at": _iso(sub.created_at),
        "imported_at": _iso(sub.imported_at),
        "prompt": sub.prompt,
        "model_hash": sub.model_hash,
        "generation": sub.generation,
        "traits": [list(pair) for pair in sub.traits],
        "duplicate_group": sub.duplicate_group,
    }


def scores_of(results: RoundResults, key: int, sub: Submission | None) -> dict[str, Any]:
    standing = results.standing(key)
    dq = sub.disqualified if sub else None
    verdicts = []
    for verdict in results.verdicts.get(key, ()):
        judge = results.judges.get(verdict.judge_id)
        verdicts.append(
            {
                "judge": judge.name if judge else f"#{verdict.judge_id}",
                "kind": verdict.kind,
                "scores": dict(verdict.scores),
                "total": ranking.weighted_total(verdict.scores, results.round.criteria),
                "comment": verdict.comment,
                "updated_at": _iso(verdict.updated_at),
            }
        )
    return {
        "round": {"id": results.round.id, "name": results.round.name, "blind": results.round.blind},
        "criteria": [{"id": c.id, "label": c.label, "weight": c.weight} for c in results.round.criteria],
        "standing": None
        if standing is None
        else {
            "rank": standing.rank,
            "tied": standing.tied,
            "z_total": standing.total,
            "raw_mean": standing.raw_mean,
            "judges": standing.judges,
        },
        "winner_rank": results.winner_rank(key),
        "disqualified": None if dq is None else {"reason": dq.reason, "note": dq.note, "at": _iso(dq.at)},
        "verdicts": verdicts,
    }


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str).encode("utf-8")


def _put_submission(store: CurationStore, put: Callable[..., None], folder: str, sub: Submission) -> None:
    image = store.image(sub.image_sha256) if sub.image_sha256 else None
    if image:
        put(f"{folder}/image.{image_suffix(image)}", image, stored=True)
    del image  # one picture in memory at a time
    if sub.metadata is not None:
        put(f"{folder}/metadata.json", _json(sub.metadata))
    put(f"{folder}/description.txt", sub.description.encode("utf-8"))
    put(f"{folder}/provenance.json", _json(provenance(sub)))


def export_finalists_zip(
    store: CurationStore,
    round_id: int,
    path: Path | str,
    *,
    entries: Sequence[int] | None = None,
    now: float | None = None,
) -> int:
    """A ZIP with a folder per finalist, `NN-<entry>/` (the round's winners by rank when it has them, else its
    entries in ranking order, or `entries` in the order given), plus `finalists.csv` and `README.txt`. Returns how
    many finalists it holds. UserFacingError (in words) when the round is gone or the file cannot be written."""
    path = Path(path)
    results = round_results(store, round_id)
    keys = list(entries) if entries is not None else results.finalists()
    moment = time.time() if now is None else now
    stamp = datetime.fromtimestamp(moment, UTC)
    width = max(2, len(str(len(keys))))
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["position", "folder", *score_columns(results)])
    try:
        with atomic_writer(path) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:

            def put(name: str, data: bytes, stored: bool = False) -> None:
                info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                archive.writestr(info, data)

            for position, (key, sub) in enumerate(submissions_in_order(store, keys), start=1):
                folder = f"{position:0{width}d}-{key}"
                writer.writerow([str(position), folder, *score_row(results, key, sub)])
                if sub is not None:
                    _put_submission(store, put, folder, sub)
                put(f"{folder}/scores.json", _json(scores_of(results, key, sub)))
            put("finalists.csv", table.getvalue().encode("utf-8-sig"))
            readme = README(round=results.round.name, when=i18n.moment(stamp), count=len(keys))
            put("README.txt", str(readme).encode("utf-8"))
    except OSError as exc:
        raise _fail(path, exc) from None
    shareable(path)
    return len(keys)
