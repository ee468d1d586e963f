"""Records of the curation store, shared by its sources, its store (SQLite or PostgreSQL), the command line and the
Curation workspace. Plain frozen dataclasses: nothing here talks to a database, a node or a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.messages import Message

# Why an item was kept aside instead of being judged (`Problem.kind`); decided on by code, shown by `reason`.
CID_MISMATCH = "cid_mismatch"  # the bytes fetched for a CID are not what the CID names
INVALID_METADATA = "invalid_metadata"  # the token's metadata JSON is missing, unreadable or breaks the schema
UNREADABLE_IMAGE = "unreadable_image"  # not a picture, damaged, or too large to decode safely (an image bomb)
AFTER_DEADLINE = "after_deadline"  # minted after the contract's submission deadline
UNREACHABLE = "unreachable"  # the IPFS source or node did not answer in time (import it again later)
PROBLEM_KINDS = (CID_MISMATCH, INVALID_METADATA, UNREADABLE_IMAGE, AFTER_DEADLINE, UNREACHABLE)

# Where a submission came from (`Candidate.source`).
SOURCES = ("chain", "folder", "zip", "library")

# Reasons to disqualify an entry (`Disqualification.reason`).
DQ_DUPLICATE, DQ_UNSAFE, DQ_NOT_SM6, DQ_AFTER_DEADLINE, DQ_OTHER = (
    "duplicate",
    "unsafe",
    "not_sm6",
    "after_deadline",
    "other",
)
DQ_REASONS = (DQ_DUPLICATE, DQ_UNSAFE, DQ_NOT_SM6, DQ_AFTER_DEADLINE, DQ_OTHER)


@dataclass(frozen=True)
class Problem:
    kind: str  # one of PROBLEM_KINDS
    reason: Message  # the plain sentence, with its parameters (stored by id: app.messages.to_json)


@dataclass(frozen=True)
class Candidate:
    """One submission as a source read it, before it is stored. A candidate with a `problem` is kept too (state
    "bad", with its reason): nothing a source found is dropped silently."""

    source_key: str  # its identity, stable across imports: "chain:<chain id>:<contract>:<token id>",
    #                  "file:<sha256 of the image>" (folders and ZIPs), "library:<design id>"
    source: str  # one of SOURCES
    origin: str  # where exactly: a path inside the folder or ZIP, a tokenURI, a design id (shown as provenance)
    image: bytes = b""  # the picture's bytes as found (PNG or JPEG); empty when there was none to read
    image_sha256: str = ""  # hex of sha256(image); "" when there is no image
    width: int = 0
    height: int = 0
    name: str = ""
    description: str = ""
    prompt: str = ""
    model_hash: str = ""  # the checkpoint's hash when the provenance says it (Verify needs it)
    traits: tuple[tuple[str, str], ...] = ()  # (trait_type, value) pairs from the metadata's attributes
    metadata: dict[str, Any] | None = None  # the token metadata JSON as read (None: there was none)
    generation: dict[str, Any] | None = None  # what regenerates it (the app's PNG/metadata provenance, A1111 params)
    token_id: int | None = None
    chain_id: int | None = None
    contract: str = ""  # checksummed
    owner: str = ""  # checksummed; "" when unknown
    minted_at: float | None = None  # Unix seconds (the block's timestamp)
    before_deadline: bool | None = None  # None: no deadline, or not from a chain
    metadata_cid: str = ""
    image_cid: str = ""
    created_at: float | None = None  # when it was made, when the source says (file time, design time)
    problem: Problem | None = None


@dataclass(frozen=True)
class Submission:
    """A stored submission. `key` orders listings (it grows as submissions are imported) and is what scores name."""

    key: int
    source_key: str
    source: str
    origin: str
    state: str  # "ok" (judged) or "bad" (kept aside with `problem`)
    image_sha256: str
    width: int
    height: int
    name: str
    description: str
    prompt: str
    model_hash: str
    traits: tuple[tuple[str, str], ...]
    metadata: dict[str, Any] | None
    generation: dict[str, Any] | None
    token_id: int | None
    chain_id: int | None
    contract: str
    owner: str
    minted_at: float | None
    before_deadline: bool | None
    metadata_cid: str
    image_cid: str
    created_at: float | None
    imported_at: float
    problem: Problem | None
    phash: int | None = None  # 64-bit perceptual hash (signed int64 as stored), None until computed
    duplicate_group: int | None = None  # entries in one group are copies (exact or near) of each other
    disqualified: "Disqualification | None" = None


@dataclass(frozen=True)
class Criterion:
    id: str  # stable: "sm6", "originality", "craft", "description", or a staff-made one
    label: str  # what judges read (the staff's words; the defaults are translated by id in the window)
    weight: float  # > 0; a round's weights need not sum to 1 (they are normalised when totals are made)


DEFAULT_CRITERIA = (
    Criterion("sm6", "True to the SM6", 0.35),
    Criterion("originality", "Originality", 0.25),
    Criterion("craft", "Craft", 0.25),
    Criterion("description", "Description", 0.15),
)
SCORE_MIN, SCORE_MAX = 1, 5

ROUND_OPEN, ROUND_CLOSED, ROUND_LOCKED = "open", "closed", "locked"


@dataclass(frozen=True)
class Round:
    id: int
    name: str
    position: int  # 1 for the first round; each later round judges what the one before advanced
    blind: bool  # judges do not see owner, token id, CIDs, origin or anything else that identifies the entrant
    state: str  # ROUND_OPEN (scoring), ROUND_CLOSED (no more scores; advancing), ROUND_LOCKED (result final)
    criteria: tuple[Criterion, ...]
    created_at: float
    takes_all: bool = False  # True: every valid, not disqualified submission is in it (late imports too)


@dataclass(frozen=True)
class Judge:
    id: int
    name: str
    created_at: float


# What a judge said about one entry in one round, besides scores (`Verdict.kind`).
SCORED, ABSTAIN, CONFLICT = "scored", "abstain", "conflict"


@dataclass(frozen=True)
class Verdict:
    round_id: int
    entry: int  # Submission.key
    judge_id: int
    kind: str  # SCORED, ABSTAIN or CONFLICT (a conflict of interest: the judge's scores are left out)
    scores: dict[str, int] = field(default_factory=dict)  # criterion id -> 1..5 (only for SCORED)
    comment: str = ""
    updated_at: float = 0.0


@dataclass(frozen=True)
class Disqualification:
    entry: int
    reason: str  # one of DQ_REASONS
    note: str
    judge_id: int
    at: float


@dataclass(frozen=True)
class Standing:
    """One entry's place in a round's ranking."""

    entry: int
    rank: int  # 1-based; entries whose totals tie share a rank (1, 2, 2, 4)
    total: float  # the weighted mean of the judges' z-scored totals
    raw_mean: float  # the weighted 1-5 score before normalising, averaged over judges
    judges: int  # how many judges scored it
    tied: bool  # shares its rank with another entry


@dataclass(frozen=True)
class Winner:
    rank: int  # 1..10
    entry: int


@dataclass(frozen=True)
class AuditEntry:
    seq: int  # grows with every entry, across every machine that writes to the store
    at: float
    judge_id: int | None  # None: staff work that is no judge's (an import)
    action: str  # "score", "verdict", "comment", "disqualify", "requalify", "round.create", "round.close",
    #              "advance", "lock", "import", "judge.add", "payout.review", "payout.send"
    round_id: int | None
    entry: int | None
    details: dict[str, Any]


@dataclass(frozen=True)
class EntryFilter:
    """What the gallery lists. Empty fields do not filter."""

    round_id: int | None = None  # entries of this round (None: every submission)
    state: str = "ok"  # "ok", "bad" or "all"
    search: str = ""  # words in name, description, prompt, owner, source key
    not_judged_by: int | None = None  # judge id: entries this judge has no verdict for in `round_id`
    min_score: float | None = None  # on the judge-averaged raw 1-5 score in `round_id`
    max_score: float | None = None
    flags: frozenset[str] = frozenset()  # any of: "duplicate", "disqualified", "scored", "conflict", "commented"
    trait: tuple[str, str] | None = None  # (trait_type, value)
    since: float | None = None  # minted_at (or created_at when not minted) at or after
    until: float | None = None  # ... before
