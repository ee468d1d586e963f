"""The wallet's account list, accounts.json: each account's name, when and how it was added.

It is read as hostile input (through app.safejson: size and nesting limits): a file that is not UTF-8, not JSON,
nested absurdly deep, huge, or of the wrong shape is moved aside for support and the list is rebuilt from the
keystore files, so no account is lost. Entries of the wrong shape are dropped one by one (their keystore files are
then adopted like a crash's leftovers), and names lose any hidden characters a hand edit or an older version left.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from app import safejson
from app.chain import messages as msgs
from app.chain.user_input import cleaned_text
from app.fsutil import atomic_write_text

log = logging.getLogger(__name__)

INDEX_NAME = "accounts.json"
MAX_INDEX_BYTES = 4 * 1024 * 1024  # thousands of accounts; a larger list is damaged and is rebuilt
MAX_NAME_LENGTH = 60
_LATEST_TIME = 1e11  # the year 5138: a time past it (or not finite) in a hand-edited list is read as 0

Source = Literal["created", "private-key", "keystore", "mnemonic", "recovered"]  # recovered: index was rebuilt


@dataclass(frozen=True)
class WalletAccount:
    address: str  # checksummed
    name: str
    created_at: float  # seconds since the epoch
    source: Source
    path: str | None = None  # the derivation path, for an account from a recovery phrase


def read_index(folder: Path, notice: Callable[[str], None]) -> list[WalletAccount] | None:
    """The list's entries; None when it is missing or unreadable (a damaged one is moved aside, and `notice` is
    told in plain words)."""
    index = folder / INDEX_NAME
    try:
        raw = safejson.load_object(index, safejson.ACCOUNT_LIST(file=INDEX_NAME), max_bytes=MAX_INDEX_BYTES)
        items = raw["accounts"]
        if not isinstance(items, list):
            raise TypeError("accounts is not a list")
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("Wallet: %s cannot be read (%s); listing the keystore files instead", index, exc)
        return None
    except (ValueError, TypeError, KeyError) as exc:  # safejson.BadJSON is a ValueError
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = index.with_name(f"{INDEX_NAME}.damaged-{stamp}")
        log.warning("Wallet: %s is unreadable (%s)", index, exc)  # str(): the English sentence, as logs keep
        try:
            os.replace(index, aside)
        except OSError:
            pass
        notice(str(msgs.ACCOUNT_LIST_REBUILT(index_name=INDEX_NAME, name=aside.name)))
        return None
    entries: list[WalletAccount] = []
    for item in items:
        entry = entry_from_json(item)
        # An unusable entry is dropped; its keystore file, if any, is then adopted like a crash's leftover.
        if entry is not None and all(e.address != entry.address for e in entries):
            entries.append(entry)
    return entries


def write_index(folder: Path, entries: list[WalletAccount]) -> None:
    payload = {"version": 1, "accounts": [asdict(e) for e in entries]}
    atomic_write_text(folder / INDEX_NAME, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def entry_from_json(item: Any) -> WalletAccount | None:
    from eth_utils import is_hex_address, to_checksum_address  # not at startup: the window imports this module

    if not isinstance(item, dict):
        return None
    address = item.get("address")
    if not isinstance(address, str) or not address.isascii() or not is_hex_address(address.strip()):
        return None
    name, created, source, path = item.get("name"), item.get("created_at"), item.get("source"), item.get("path")
    if not isinstance(name, str) or type(created) not in (int, float) or source not in get_args(Source):
        return None
    if not 0 <= created <= _LATEST_TIME or not math.isfinite(created):  # range first: an int past float range
        created = 0.0
    if not isinstance(path, str) or len(path) > 200:
        path = None
    # Names are checked when typed; one from an older version or a hand edit loses its hidden characters here.
    return WalletAccount(
        to_checksum_address(address.strip()), cleaned_text(name, MAX_NAME_LENGTH), float(created), source, path
    )
