"""`sm6-studio remove-data [--yes] [--including-wallets]`: what an uninstaller runs when the person asks for their
data to go too (app/remove_data.py says what goes and what stays).

It lists what will go, then asks for REMOVE to be typed unless --yes. It refuses while the app or another command
uses the data folder, and while the folder holds wallet keystores unless --including-wallets: a keystore is the
only copy of its account's key.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app import remove_data
from app.cli_messages import helps
from app.errors import UserFacingError
from app.messages import Message, Msg

HELP = Msg(
    "data.remove.help",
    "remove this account's SM6 Design Studio data: designs, settings, the app's keys in the system keyring",
)
HELP_YES = Msg("data.remove.help_yes", "remove without asking (for an uninstaller)")
HELP_WALLETS = Msg(
    "data.remove.help_wallets", "remove wallet keystores too: their accounts' keys are then lost for good"
)
NOTHING = Msg("data.remove.nothing", "There is no SM6 Design Studio data for this account. Nothing was removed.")
HEADER = Msg("data.remove.header", "This removes SM6 Design Studio's data for this account:")
DATA_WHOLE = Msg(
    "data.remove.data_whole", "Data folder {folder} ({size}): designs {designs}, wallet accounts {wallets}"
)
DATA_PART = Msg(
    "data.remove.data_part",
    "In the data folder {folder}, what the app made ({size}): designs {designs}, wallet accounts {wallets}",
)
CONFIG_WHOLE = Msg("data.remove.config_whole", "Settings folder {folder} ({size})")
CONFIG_PART = Msg("data.remove.config_part", "In the settings folder {folder}, the app's files ({size})")
SECRETS = Msg("data.remove.secrets", "From the system keyring: {names}")
LEFT = Msg("data.remove.left", "Left where they are, not made by SM6 Design Studio: {names}")
UNKNOWN_COUNT = Msg("data.remove.unknown_count", "unknown (the library cannot be read)")
WALLETS_REFUSED = Msg(
    "data.remove.wallets_refused",
    "The data folder holds wallet keystores ({count}), the only copy of their accounts' keys: removing them "
    "loses those accounts, and everything they own, for good. Export each account first (in the app: Wallet → "
    "Export keystore…), then run this again with --including-wallets. Nothing was removed.",
)
WALLETS_GO = Msg(
    "data.remove.wallets_go",
    "Wallet keystores ({count}) go too: their accounts' keys are lost for good unless exported.",
)
CONFIRM = Msg("data.remove.confirm", "Type {word} to confirm: ")
CONFIRM_WORD = "REMOVE"
NOT_CONFIRMED = Msg("data.remove.not_confirmed", "Nothing was removed.")
REMOVED = Msg("data.remove.removed", "Removed {path}")
DONE = Msg("data.remove.done", "SM6 Design Studio's data is removed.")
SECRET_LEFT = Msg(
    "data.remove.secret_left",
    "The folders are removed, but not everything from the system keyring: {reason} Then run this again.",
)


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("remove-data", help=helps(HELP))
    parser.add_argument("--yes", action="store_true", help=helps(HELP_YES))
    parser.add_argument("--including-wallets", action="store_true", help=helps(HELP_WALLETS))


def run(args: argparse.Namespace) -> int:
    held = remove_data.hold()  # FolderInUse (the app, a generate) says who holds it, in one line
    try:
        plan = remove_data.make_plan()
        if plan.empty:
            print(NOTHING())
            return 0
        _show(plan)
        if plan.wallets and not args.including_wallets:
            raise UserFacingError(WALLETS_REFUSED(count=plan.wallets))
        if plan.wallets:
            print(WALLETS_GO(count=plan.wallets))
        if not args.yes and not _confirmed():
            print(NOT_CONFIRMED())
            return 1
        problems = remove_data.remove(plan, on_removed=lambda path: print(REMOVED(path=path), flush=True))
    except BaseException:
        remove_data.release(held)
        raise
    remove_data.finish(plan, held)
    for folder in plan.folders:
        if folder.whole:
            print(REMOVED(path=folder.path))
    if problems:
        raise UserFacingError(SECRET_LEFT(reason=problems[0]))
    print(DONE())
    return 0


def _show(plan: remove_data.Plan) -> None:
    print(HEADER())
    for data in plan.data:
        said = DATA_WHOLE if data.whole else DATA_PART
        designs = UNKNOWN_COUNT() if data.designs is None else data.designs
        print(f"  {said(folder=data.path, size=size_text(data.size), designs=designs, wallets=data.wallets)}")
    if plan.config is not None:
        said = CONFIG_WHOLE if plan.config.whole else CONFIG_PART
        print(f"  {said(folder=plan.config.path, size=size_text(plan.config.size))}")
    if plan.secrets:
        print(f"  {SECRETS(names=', '.join(str(words()) for _, words in plan.secrets))}")
    others = [p for f in plan.folders for p in f.others]
    if others:
        print(LEFT(names=", ".join(str(p) for p in others)))


def _confirmed() -> bool:
    print(CONFIRM(word=CONFIRM_WORD), end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):  # no input at all (closed, or an uninstaller's)
        return False
    if not sys.stdin.isatty():  # typed in a terminal, the answer's own line break ends the prompt's line
        print()
    return answer.strip() == CONFIRM_WORD


def size_text(n: int) -> Message | str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"
