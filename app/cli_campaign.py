"""`sm6-studio campaign …`: the curation store from staff scripts — import, status, export.

Each command exits 0 when it did what was asked, and otherwise non-zero with one line saying why (the main
command line's handler prints a UserFacingError's words; nothing here prints a traceback).
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Any

from app.cli_messages import helps
from app.errors import UserFacingError
from app.messages import Msg

HELP_CAMPAIGN = Msg("campaign.help.campaign", "curate the campaign's submissions: import, status, export")
HELP_IMPORT = Msg(
    "campaign.help.import",
    "import submissions from a folder, a ZIP file, `library` (this computer's designs) or `chain:` (the campaign "
    "contract)",
)
HELP_SOURCE = Msg(
    "campaign.help.source", "a folder, a .zip file, `library`, or `chain:` / `chain:NETWORK:CONTRACT` for the contract"
)
HELP_STATUS = Msg("campaign.help.status", "show submissions by state, rounds and judges")
HELP_EXPORT = Msg("campaign.help.export", "export scores (CSV), the finalists (ZIP) and the results report")
HELP_OUT = Msg("campaign.help.out", "the folder to write the export into (made if missing)")
HELP_ROUND = Msg("campaign.help.round", "the round to export (default: the latest)")
HELP_DATABASE = Msg(
    "campaign.help.database", "the curation database: a file, or a postgresql:// URL (default: the setting)"
)
HELP_FROM_BLOCK = Msg("campaign.help.from_block", "the block to start listing the contract's tokens from")
HELP_IPFS = Msg("campaign.help.ipfs", "a Kubo node or IPFS gateway URL to fetch the tokens' files through")

IMPORTING = Msg("campaign.importing", "Importing {source}: {done} of {total} read, {bad} kept aside, about {eta} left")
IMPORTING_NO_TOTAL = Msg("campaign.importing_no_total", "Importing {source}: {done} read, {bad} kept aside")
IMPORTED = Msg(
    "campaign.imported",
    "Imported {source}: {added} new, {already} already there, {bad} kept aside with their reasons.",
)
DUPLICATES = Msg(
    "campaign.duplicates", "Copies: {groups} groups holding {entries} entries ({hashed} pictures hashed now)."
)
CANCELLED = Msg("campaign.import_cancelled", "Import paused; run the same command again to continue.")
STATUS_COUNTS = Msg(
    "campaign.status.counts",
    "Submissions: {ok} valid, {bad} kept aside, {disqualified} disqualified, {duplicates} in duplicate groups.",
)
STATUS_BAD_KIND = Msg("campaign.status.bad_kind", "  {kind}: {count}")
STATUS_ROUND = Msg(
    "campaign.status.round", "Round {position}, {name} ({state}): {entries} entries, {verdicts} verdicts"
)
STATUS_JUDGES = Msg("campaign.status.judges", "Judges: {names}")
STATUS_NO_JUDGES = Msg("campaign.status.no_judges", "Judges: none yet")
STATUS_DATABASE = Msg("campaign.status.database", "Database: {where} ({kind})")
STATE_WORDS = {
    "open": Msg("campaign.state.open", "open for scoring"),
    "closed": Msg("campaign.state.closed", "closed"),
    "locked": Msg("campaign.state.locked", "locked"),
}
PROBLEM_WORDS = {
    "cid_mismatch": Msg("campaign.problem.cid_mismatch", "files that are not what their CID names"),
    "invalid_metadata": Msg("campaign.problem.invalid_metadata", "missing or invalid metadata"),
    "unreadable_image": Msg("campaign.problem.unreadable_image", "pictures that cannot be read"),
    "after_deadline": Msg("campaign.problem.after_deadline", "minted after the deadline"),
    "unreachable": Msg("campaign.problem.unreachable", "files the IPFS source did not give (tried again next import)"),
}
EXPORTED = Msg("campaign.exported", "Exported round {round} to {folder}.")
NO_ROUNDS = Msg("campaign.no_rounds", "There is no round to export yet: create one in Curation first.")
NO_SUCH_ROUND = Msg("campaign.no_such_round", "There is no round {round}.")
EXPORT_FAILED = Msg("campaign.export_failed", "The export could not be written to {folder}")


def add_parser(sub: Any) -> None:
    campaign = sub.add_parser("campaign", help=helps(HELP_CAMPAIGN))
    campaign.add_argument("--database", default=None, help=helps(HELP_DATABASE))
    commands = campaign.add_subparsers(dest="campaign_command", required=True)
    imp = commands.add_parser("import", help=helps(HELP_IMPORT))
    imp.add_argument("source", help=helps(HELP_SOURCE))
    imp.add_argument("--from-block", type=int, default=None, help=helps(HELP_FROM_BLOCK))
    imp.add_argument("--ipfs", default=None, help=helps(HELP_IPFS))
    commands.add_parser("status", help=helps(HELP_STATUS))
    exp = commands.add_parser("export", help=helps(HELP_EXPORT))
    exp.add_argument("--out", type=Path, required=True, help=helps(HELP_OUT))
    exp.add_argument("--round", type=int, default=None, help=helps(HELP_ROUND))


def run(args: argparse.Namespace) -> int:
    from app.config import read_settings
    from app.curation.store import open_store
    from app.curation.workplace import default_database_file

    settings = read_settings(set_aside=False).settings
    setting = args.database if args.database is not None else settings.curation.database
    store = open_store(setting, default_database_file())
    try:
        if args.campaign_command == "import":
            return _import(store, args, settings)
        if args.campaign_command == "status":
            return _status(store)
        return _export(store, args)
    finally:
        store.close()


def _import(store: Any, args: argparse.Namespace, settings: Any) -> int:
    from app.curation.import_sources import source_for
    from app.curation.importer import run_import

    source = source_for(args.source, settings, from_block=args.from_block, ipfs=args.ipfs)
    tty = sys.stderr.isatty()

    def show(progress) -> None:
        if progress.finished or progress.error or progress.cancelled:
            return
        if progress.total:
            eta = "?" if progress.eta_s is None else f"{int(progress.eta_s // 60)}:{int(progress.eta_s % 60):02d}"
            line = IMPORTING(source=source.key, done=progress.done, total=progress.total, bad=progress.bad, eta=eta)
        else:
            line = IMPORTING_NO_TOTAL(source=source.key, done=progress.done, bad=progress.bad)
        print(("\r" if tty else "") + str(line), end="" if tty else "\n", file=sys.stderr, flush=True)

    cancel = threading.Event()
    try:
        result = run_import(store, source, on_progress=show, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        raise
    if tty:
        print(file=sys.stderr)
    if result.error is not None:
        raise UserFacingError(result.error)
    if result.cancelled:
        print(CANCELLED(), file=sys.stderr)
        return 1
    print(IMPORTED(source=source.key, added=result.added, already=result.already, bad=result.bad))
    from app.curation.duplicate_pass import run_duplicate_pass

    found = run_duplicate_pass(store)  # hashes only what is new; regrouping 100,000 entries takes seconds
    print(DUPLICATES(groups=found.groups, entries=found.entries_in_groups, hashed=found.hashed))
    from app.curation.thumbnail_pass import backfill_thumbnails

    backfill_thumbnails(store)  # a store from before thumbnails were made at import gets them now
    return 0


def _status(store: Any) -> int:
    counts = store.counts()
    print(STATUS_DATABASE(where=store.where, kind=store.kind))
    print(
        STATUS_COUNTS(
            ok=counts.get("ok", 0),
            bad=counts.get("bad", 0),
            disqualified=counts.get("disqualified", 0),
            duplicates=counts.get("duplicates", 0),
        )
    )
    for kind, words in PROBLEM_WORDS.items():
        if counts.get(kind):
            print(STATUS_BAD_KIND(kind=words(), count=counts[kind]))
    for r in store.rounds():
        verdicts = len(store.verdicts(r.id))
        print(
            STATUS_ROUND(
                position=r.position,
                name=r.name,
                state=STATE_WORDS[r.state]() if r.state in STATE_WORDS else r.state,
                entries=len(store.round_entries(r.id)),
                verdicts=verdicts,
            )
        )
    judges = store.judges()
    print(STATUS_JUDGES(names=", ".join(j.name for j in judges)) if judges else STATUS_NO_JUDGES())
    return 0


def _export(store: Any, args: argparse.Namespace) -> int:
    from app.curation.exports import export_finalists_zip, export_scores_csv
    from app.curation.report import write_report

    rounds = store.rounds()
    if not rounds:
        raise UserFacingError(NO_ROUNDS())
    chosen = rounds[-1] if args.round is None else next((r for r in rounds if r.position == args.round), None)
    if chosen is None:
        raise UserFacingError(NO_SUCH_ROUND(round=args.round))
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from app.storage_errors import storage_error

        raise storage_error(exc, EXPORT_FAILED(folder=str(out)), folder=out) from exc
    stem = f"round-{chosen.position}"
    export_scores_csv(store, chosen.id, out / f"{stem}-scores.csv")
    export_finalists_zip(store, chosen.id, out / f"{stem}-finalists.zip")
    write_report(store, chosen.id, out / f"{stem}-report.html")
    print(EXPORTED(round=chosen.position, folder=str(out)))
    return 0
