"""What every curation store offers (SQLite on one machine, PostgreSQL shared by several), so the sources, the
command line and the Curation workspace never know which one they talk to. `tests/app/test_curation_store_contract.py`
runs the same tests against both.

Rules both keep:
- Writes are transactions; a write that fails changes nothing and raises `app.errors.UserFacingError` (a
  `StorageFailure` with plain words), never a driver's exception. A dropped connection is reopened and the write
  retried once when it is safe (the write is idempotent); a score is never lost silently.
- Adding a submission is idempotent on its `source_key`: importing the same source twice doubles nothing.
- Every score and decision is appended to the audit log in the same transaction; the log is append-only (the
  database itself refuses UPDATE and DELETE on it). Its `seq` is also how a judge's screen hears of another judge's
  work: `audit_since(seq)`.
- A locked round refuses scores, verdicts and advancing with a plain message (`RoundLocked`); two staff locking at
  once: one wins, the other is told it is already locked.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from app.curation.models import (
    AuditEntry,
    Candidate,
    Criterion,
    Disqualification,
    EntryFilter,
    Judge,
    Round,
    Submission,
    Verdict,
    Winner,
)


class CurationStore(Protocol):
    # --- where it is -----------------------------------------------------------------------------
    @property
    def kind(self) -> str: ...  # "sqlite" or "postgresql"

    @property
    def where(self) -> str: ...  # the file, or host:port/database (never a password)

    def close(self) -> None: ...

    # --- submissions -------------------------------------------------------------------------------
    def add(self, candidates: Sequence[Candidate]) -> tuple[int, int]:
        """Store these (one transaction); (added, already there). Image bytes are kept once per sha256."""
        ...

    def has_sources(self, source_keys: Sequence[str]) -> set[str]:
        """Which of these source keys are stored already (an import skips them without fetching again)."""
        ...

    def submission(self, key: int) -> Submission | None: ...

    def submissions(self, keys: Sequence[int]) -> list[Submission]: ...

    def image(self, sha256: str) -> bytes | None: ...

    def thumbnail(self, sha256: str) -> bytes | None:
        """The small picture made of the image `sha256` at import (WebP); None when there is none (a store from
        before the thumbnail pass, or no picture to make one of)."""
        ...

    def missing_thumbnails(self, *, after: str = "", limit: int = 1000) -> list[str]:
        """The sha256 of stored images without a thumbnail, in order, after `after` (the thumbnail pass)."""
        ...

    def set_thumbnails(self, thumbnails: Sequence[tuple[str, bytes]]) -> None:
        """Keep these (sha256, WebP bytes); one already stored is kept as it was."""
        ...

    def counts(self) -> dict[str, int]:
        """{"ok": n, "bad": n, "disqualified": n, "duplicates": n, <problem kind>: n, ...}"""
        ...

    def set_phashes(self, hashes: Sequence[tuple[int, int]]) -> None:
        """(entry, 64-bit perceptual hash as a signed int64) pairs."""
        ...

    def phashes(self) -> list[tuple[int, int]]: ...

    def unhashed(self, *, after: int = 0, limit: int = 1000) -> list[tuple[int, str]]:
        """(entry, image sha256) of valid entries not perceptually hashed yet (the duplicates pass)."""
        ...

    def image_hashes(self) -> list[tuple[int, str]]:
        """(entry, image sha256) of every valid entry with a picture: exact copies."""
        ...

    def set_duplicate_groups(self, groups: Sequence[Sequence[int]]) -> None:
        """Replace every duplicate group with these (each a list of entries; singletons are left out)."""
        ...

    def group_members(self, group: int) -> list[int]: ...

    def traits(self) -> list[tuple[str, str, int]]:
        """Every (trait_type, value, how many ok entries have it), for the filter."""
        ...

    # --- listing: keyset pages, newest (highest key) first; `app/library/paging.py` builds on these ------------
    def page_keys(self, flt: EntryFilter, *, below: int | None = None, limit: int) -> list[int]: ...

    def page(
        self, flt: EntryFilter, *, newest: int, older_than: int | None, limit: int
    ) -> list[tuple[int, Submission | None]]: ...

    def count(self, flt: EntryFilter) -> int: ...

    # --- imports (resumable) -----------------------------------------------------------------------
    def import_cursor(self, source: str) -> str | None:
        """Where the import of `source` (its canonical description) got to; None: not started."""
        ...

    def set_import_cursor(self, source: str, cursor: str | None) -> None: ...

    # --- judges and rounds ------------------------------------------------------------------------
    def add_judge(self, name: str) -> Judge: ...  # the same name again returns the judge already there

    def judges(self) -> list[Judge]: ...

    def create_round(
        self, name: str, *, criteria: Sequence[Criterion], blind: bool, entries: Sequence[int] | None, by: int | None
    ) -> Round:
        """entries=None: the round takes every valid, not disqualified submission (the first round)."""
        ...

    def rounds(self) -> list[Round]: ...

    def round(self, round_id: int) -> Round | None: ...

    def round_entries(self, round_id: int) -> list[int]: ...

    def set_round_state(self, round_id: int, state: str, *, by: int | None) -> Round:
        """open → closed → locked (or closed → open again). Locking a locked round raises RoundLocked."""
        ...

    # --- judging ---------------------------------------------------------------------------------
    def score(self, round_id: int, entry: int, judge_id: int, criterion: str, value: int) -> Verdict:
        """Set one criterion's 1-5 score (the verdict becomes SCORED); returns the judge's verdict now."""
        ...

    def clear_score(self, round_id: int, entry: int, judge_id: int, criterion: str) -> Verdict | None:
        """Take one criterion's score back; the verdict stays, unfinished."""
        ...

    def set_verdict(self, round_id: int, entry: int, judge_id: int, kind: str, comment: str | None = None) -> Verdict:
        """ABSTAIN / CONFLICT (scores kept but left out of totals) or back to SCORED; a comment, when given."""
        ...

    def verdict(self, round_id: int, entry: int, judge_id: int) -> Verdict | None: ...

    def verdicts(self, round_id: int) -> list[Verdict]:
        """Every judge's verdict in the round (what ranking and agreement are computed from)."""
        ...

    def disqualify(self, entry: int, reason: str, note: str, *, by: int) -> Disqualification: ...

    def requalify(self, entry: int, *, by: int) -> None: ...

    # --- results ------------------------------------------------------------------------------------
    def lock_winners(self, round_id: int, winners: Sequence[Winner], *, by: int) -> None:
        """Record the ranked winners and lock the round, in one transaction; RoundLocked if it already is."""
        ...

    def winners(self, round_id: int) -> list[Winner]: ...

    # --- the audit log ------------------------------------------------------------------------------
    def audit_since(self, seq: int, limit: int = 1000) -> list[AuditEntry]: ...

    def log(
        self, action: str, details: dict, *, by: int | None, round_id: int | None = None, entry: int | None = None
    ) -> None:
        """Append what is not a score or verdict (an import finished, an export, a payout reviewed)."""
        ...
