"""How fast the curation store is at campaign size, on SQLite and on a private PostgreSQL server (not a test).

    .venv/bin/python scripts/curation_store_timing.py [--rows 100000] [--explain]

Adds `rows` synthetic submissions in batches (as an import does), a first round that takes them all, two judges and
verdicts from one of them on half the entries, then times a page of 60 under the gallery's filters, a count and a
full page index (app/library/paging.py). Prints milliseconds per query, the median of a few runs.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.curation.models import Candidate, EntryFilter  # noqa: E402
from app.curation.store import open_store  # noqa: E402
from app.library import paging  # noqa: E402

BATCH = 1000
PAGE = 60
COLOURS = ("Red", "Blue", "Silver", "Black", "White", "Green", "Orange", "Purple")


def candidates(start: int, count: int) -> list[Candidate]:
    out = []
    for n in range(start, start + count):
        picture = n.to_bytes(8, "big") * 8
        out.append(
            Candidate(
                source_key=f"chain:8217:0xc0ffee:{n}",
                source="chain",
                origin=f"ipfs://bafy{n}",
                image=picture,
                image_sha256=hashlib.sha256(picture).hexdigest(),
                width=1024,
                height=1024,
                name=f"SM6 #{n} {COLOURS[n % len(COLOURS)]}",
                description=f"A {COLOURS[n % 7].lower()} Renault SM6 by the sea, entry {n}",
                prompt="renault sm6, coastal road, golden hour",
                traits=(("Colour", COLOURS[n % len(COLOURS)]), ("Wheels", f"{17 + n % 3} inch")),
                metadata={"name": f"SM6 #{n}", "attributes": [{"trait_type": "Colour", "value": COLOURS[n % 8]}]},
                token_id=n,
                chain_id=8217,
                owner=f"0x{n:040x}",
                minted_at=1_760_000_000.0 + n * 30,
            )
        )
    return out


def timed(work, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(store, rows: int, explain: bool) -> None:
    started = time.perf_counter()
    for start in range(0, rows, BATCH):
        store.add(candidates(start, min(BATCH, rows - start)))
    print(f"  add {rows} in batches of {BATCH}: {time.perf_counter() - started:.1f} s")
    keys = sorted(store.page_keys(EntryFilter(), limit=rows))

    def judging(tx) -> None:
        tx.execute("INSERT INTO judges (id, name) VALUES (1, 'Ana'), (2, 'Ben')")
        tx.execute("INSERT INTO rounds (id, name, position, criteria, takes_all) VALUES (1, 'First', 1, '[]', 1)")
        tx.many(
            "INSERT INTO verdicts (round_id, entry, judge_id, kind, total) VALUES (1, ?, 1, 'scored', ?)",
            [(k, 1 + (k % 5)) for k in keys[: len(keys) // 2]],
        )

    store._db.write(judging)
    store._db.write(lambda tx: tx.execute("ANALYZE"))
    newest = keys[-1]
    cases = {
        "no filter": EntryFilter(),
        "round + not judged by": EntryFilter(round_id=1, not_judged_by=1),
        "round + not judged by (the judged half)": EntryFilter(round_id=1, not_judged_by=2),
        "round + min score 4": EntryFilter(round_id=1, min_score=4.0),
        "trait Colour=Purple": EntryFilter(trait=("Colour", "Purple")),
        "search 'blue sea'": EntryFilter(search="blue sea"),
        "search, rare word": EntryFilter(search="#99999 "),
        "since/until (a week)": EntryFilter(since=1_760_000_000.0 + 50_000 * 30, until=1_760_000_000.0 + 70_000 * 30),
    }
    for name, flt in cases.items():
        keys_ms = timed(lambda: store.page_keys(flt, limit=PAGE))
        page_ms = timed(lambda: store.page(flt, newest=newest, older_than=None, limit=PAGE))
        count_ms = timed(lambda: store.count(flt), runs=3)
        print(f"  {name:42s} page_keys {keys_ms:7.2f} ms  page {page_ms:7.2f} ms  count {count_ms:8.2f} ms")
        if explain:
            where, params = store._where(flt)
            sql = f"SELECT s.key FROM submissions s WHERE {' AND '.join(where) or '1 = 1'} ORDER BY s.key DESC LIMIT 60"
            prefix = "EXPLAIN QUERY PLAN " if store.kind == "sqlite" else "EXPLAIN "
            for row in store._db.read(prefix + sql, params):
                print("      ", row[-1])
    index_ms = timed(lambda: paging.build_index(store, EntryFilter(), PAGE), runs=3)
    print(f"  page index over every entry: {index_ms:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.only != "postgresql":
            print("SQLite")
            store = open_store(str(Path(folder) / "curation.db"), Path(folder) / "unused.db")
            try:
                measure(store, args.rows, args.explain)
            finally:
                store.close()
        if args.only != "sqlite":
            from tests.fixtures.postgres import PostgresServer

            server = PostgresServer.start_new()
            try:
                print("PostgreSQL")
                store = open_store(server.create_database(), Path(folder) / "unused.db")
                try:
                    measure(store, args.rows, args.explain)
                finally:
                    store.close()
            finally:
                server.close()


if __name__ == "__main__":
    main()
