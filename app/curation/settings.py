"""Curation's settings: where the judging database is, who this machine judges as, the campaign contract to import
from, the IPFS source to fetch its files through, and the prize for each rank.

The database setting is "" (a SQLite file in the data folder: one machine), a file path, or a PostgreSQL
connection URL that several judges' machines share. A password never sits in the setting: it lives in the
keyring (`app.secret_store`, name CURATION_DB_SECRET), and is added when connecting."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.settings_checks import fix_fields

CURATION_DB_SECRET = "curation-database-password"  # the keyring entry holding the server's password, if any
MAX_WINNERS = 10


@dataclass(frozen=True)
class CurationSettings:
    database: str = ""  # "" | a SQLite file | postgresql://user@host:port/dbname
    judge: str = ""  # the name this machine's judge scores as (asked the first time Curation opens)
    network: str = ""  # the campaign contract's network id (app/chain/networks.py); "" = the wallet's network
    contract: str = ""  # the campaign contract's address
    from_block: int = 0  # the block it was deployed in: listing starts there
    ipfs_source: str = ""  # a Kubo RPC URL (…:5001) or an HTTP gateway (https://…/ipfs/); "" = the publishing node
    prizes_kaia: str = ""  # the prize for ranks 1, 2, 3, … as KAIA amounts: "1000, 500, 300"
    campaign: str = "create-your-sm6"  # names payouts in the outbox: (campaign, round, winner) is paid once

    def validated(self, reasons: list[str] | None = None) -> "CurationSettings":
        checked = fix_fields("curation", self, limits={"from_block": (0, 2**63 - 1)}, reasons=reasons)
        if prize_amounts(checked.prizes_kaia) is None:
            if reasons is not None:
                reasons.append("curation.prizes_kaia: not a list of KAIA amounts; using none")
            checked = CurationSettings(**{**checked.__dict__, "prizes_kaia": ""})
        return checked


def prize_amounts(text: str) -> list[Decimal] | None:
    """The prizes for ranks 1, 2, … (at most MAX_WINNERS), or None when the text is not such a list."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if len(parts) > MAX_WINNERS:
        return None
    try:
        amounts = [Decimal(p) for p in parts]
    except InvalidOperation:
        return None
    if any(not a.is_finite() or a < 0 or a.as_tuple().exponent < -18 for a in amounts):  # type: ignore[operator]
        return None
    return amounts
