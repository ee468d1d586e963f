"""The curation database's schema, the same on SQLite and PostgreSQL (`app/curation/db.py` fills in the types).

To change it, append a step to STEPS; never edit a released one (`tests/app/test_curation_store_contract.py` opens
every step's result on both databases).

Why some columns are what they are:
- `submissions.key` orders every listing (keyset pages) and is what scores name; `source_key` is unique, so an
  import run twice doubles nothing.
- `token_id` is TEXT: an ERC-721 id is a uint256, wider than any database integer.
- `search` is the lower-cased words a judge can search for, kept beside the row (both databases scan it with LIKE
  under the listing's LIMIT; the listing stays a keyset walk).
- `when_at` is when it was made (minted, else created, else imported): the date filter's one column.
- `verdicts.total` is the judge's weighted 1-5 total, NULL until every criterion is scored: the score filter reads
  it without recomputing the rubric.
- `audit.op` is an operation id, unique: a write retried after a dropped connection finds its own entry and does
  nothing twice. The log is append-only: the database refuses UPDATE and DELETE on it.
"""

from __future__ import annotations

from app.curation.db import Step

_V1_TABLES = """
CREATE TABLE images (
    sha256 TEXT PRIMARY KEY,
    bytes {blob} NOT NULL
);
CREATE TABLE submissions (
    key {serial},
    source_key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('ok', 'bad')),
    problem_kind TEXT,
    problem TEXT,
    image_sha256 TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    model_hash TEXT NOT NULL DEFAULT '',
    traits TEXT NOT NULL DEFAULT '[]',
    metadata TEXT,
    generation TEXT,
    token_id TEXT,
    chain_id {bigint},
    contract TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    minted_at {real},
    before_deadline INTEGER,
    metadata_cid TEXT NOT NULL DEFAULT '',
    image_cid TEXT NOT NULL DEFAULT '',
    created_at {real},
    imported_at {real} NOT NULL,
    when_at {real} NOT NULL,
    search TEXT NOT NULL DEFAULT '',
    phash {bigint},
    duplicate_group {bigint}
);
CREATE INDEX submissions_state ON submissions (state, key);
CREATE INDEX submissions_sha ON submissions (image_sha256);
CREATE INDEX submissions_group ON submissions (duplicate_group);
CREATE INDEX submissions_when ON submissions (when_at);
CREATE TABLE traits (
    entry {bigint} NOT NULL REFERENCES submissions (key) ON DELETE CASCADE,
    trait_type TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (entry, trait_type, value)
);
CREATE INDEX traits_value ON traits (trait_type, value, entry);
CREATE TABLE import_cursors (
    source TEXT PRIMARY KEY,
    cursor TEXT,
    updated_at {real} NOT NULL DEFAULT {now}
);
CREATE TABLE judges (
    id {serial},
    name TEXT NOT NULL UNIQUE,
    created_at {real} NOT NULL DEFAULT {now}
);
CREATE TABLE rounds (
    id {serial},
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    blind INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'locked')),
    criteria TEXT NOT NULL,
    takes_all INTEGER NOT NULL DEFAULT 0,
    created_at {real} NOT NULL DEFAULT {now}
);
CREATE TABLE round_entries (
    round_id {bigint} NOT NULL REFERENCES rounds (id),
    entry {bigint} NOT NULL REFERENCES submissions (key),
    PRIMARY KEY (round_id, entry)
);
CREATE TABLE verdicts (
    round_id {bigint} NOT NULL REFERENCES rounds (id),
    entry {bigint} NOT NULL REFERENCES submissions (key),
    judge_id {bigint} NOT NULL REFERENCES judges (id),
    kind TEXT NOT NULL CHECK (kind IN ('scored', 'abstain', 'conflict')),
    comment TEXT NOT NULL DEFAULT '',
    total {real},
    updated_at {real} NOT NULL DEFAULT {now},
    PRIMARY KEY (round_id, entry, judge_id)
);
CREATE INDEX verdicts_judge ON verdicts (round_id, judge_id, entry);
CREATE TABLE scores (
    round_id {bigint} NOT NULL,
    entry {bigint} NOT NULL,
    judge_id {bigint} NOT NULL,
    criterion TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    PRIMARY KEY (round_id, entry, judge_id, criterion),
    FOREIGN KEY (round_id, entry, judge_id) REFERENCES verdicts (round_id, entry, judge_id)
);
CREATE TABLE disqualifications (
    entry {bigint} PRIMARY KEY REFERENCES submissions (key),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    judge_id {bigint} REFERENCES judges (id),
    at {real} NOT NULL DEFAULT {now}
);
CREATE TABLE winners (
    round_id {bigint} NOT NULL REFERENCES rounds (id),
    rank INTEGER NOT NULL,
    entry {bigint} NOT NULL REFERENCES submissions (key),
    PRIMARY KEY (round_id, rank),
    UNIQUE (round_id, entry)
);
CREATE TABLE audit (
    seq {serial},
    op TEXT NOT NULL UNIQUE,
    at {real} NOT NULL DEFAULT {now},
    judge_id {bigint},
    action TEXT NOT NULL,
    round_id {bigint},
    entry {bigint},
    details TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX audit_round ON audit (round_id, action, seq)
"""

_V1_APPEND_ONLY = {
    "sqlite": """
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
""",
    "postgresql": """
CREATE FUNCTION curation_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION curation_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION curation_audit_append_only();
""",
}

# Prize payouts (app/curation/payout_store.py explains the states): one row per winner paid, reviewed once. The
# signed transaction is kept here too, so any staff machine can broadcast those very bytes if the signer's dies.
# `value_kei` is TEXT: kei amounts pass 64 bits.
_V3_PAYOUTS = """
CREATE TABLE payouts (
    campaign TEXT NOT NULL,
    round_id {bigint} NOT NULL REFERENCES rounds (id),
    entry {bigint} NOT NULL REFERENCES submissions (key),
    rank INTEGER NOT NULL,
    token_id TEXT,
    network TEXT NOT NULL,
    chain_id {bigint} NOT NULL,
    recipient TEXT NOT NULL,
    imported_owner TEXT NOT NULL DEFAULT '',
    value_kei TEXT NOT NULL,
    memo TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('reviewed', 'sending', 'signed', 'paid', 'failed')),
    reviewed_by {bigint} REFERENCES judges (id),
    reviewed_at {real} NOT NULL DEFAULT {now},
    machine TEXT NOT NULL DEFAULT '',
    claimed_at {real},
    sender TEXT NOT NULL DEFAULT '',
    tx_hash TEXT NOT NULL DEFAULT '',
    signed_tx {blob},
    nonce {bigint},
    sent_at {real},
    receipt_json TEXT,
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign, round_id, entry),
    UNIQUE (campaign, round_id, rank)
)
"""

# Small pictures of the originals, made once at import (`app/curation/thumbnail_cache.make_thumbnail`), so no
# judge's machine decodes a full-size original to fill the gallery. One per picture (the sha256 of the original, as
# `images` keys it); `side` is the short side they were made for. A store from before has none: the thumbnail pass
# (`app/curation/thumbnail_pass.py`) fills them in.
_V4_THUMBNAILS = """
CREATE TABLE thumbnails (
    sha256 TEXT PRIMARY KEY,
    side INTEGER NOT NULL,
    bytes {blob} NOT NULL
)
"""

STEPS: list[Step] = [_V1_TABLES, _V1_APPEND_ONLY, _V3_PAYOUTS, _V4_THUMBNAILS]
