"""The importer's sources (`app/curation/importer.py` ImportSource): a folder or ZIP, this machine's library, the
campaign contract — each with a cursor that resumes right after the last item stored.

Cursors are short JSON texts (read back through app.safejson: a damaged one starts the source over, which
doubles nothing since the store adds each source key once):
- folder / ZIP: {"at": next item position} — positions in `list_items`, which is sorted and stable;
- library: {"below": listing key, "n": designs read} — newest first, so designs made later are read next time;
- chain: {"block": next block to scan, "n": tokens read} — when done, the next run starts at the next new block.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import safejson
from app.curation.models import Candidate
from app.errors import UserFacingError
from app.messages import Msg

log = logging.getLogger(__name__)

NO_SUCH_SOURCE = Msg(
    "campaign.no_such_source",
    "{source} is not a folder, a ZIP file, `library` or `chain:`. Check the name and try again.",
)
NO_CONTRACT_SET = Msg(
    "campaign.no_contract",
    "No campaign contract is set. Give it as chain:NETWORK:CONTRACT, or set it in Settings → Curation.",
)
UNKNOWN_NETWORK = Msg(
    "campaign.unknown_network", "{network} is not a network this app knows: use sandbox, kairos, mainnet or custom."
)
NO_IPFS_SOURCE = Msg(
    "campaign.no_ipfs",
    "No IPFS node or gateway is set to fetch the tokens' files through. Give one with --ipfs, or set it in "
    "Settings → Curation (or Publishing's Kubo node).",
)


IMPORT_CURSOR = Msg("curation.import.cursor_what", "The saved import position")


def _cursor(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = safejson.loads(text, IMPORT_CURSOR(), max_bytes=4096)
    except UserFacingError:
        log.warning("import cursor %r is damaged; starting the source over", text[:80])
        return {}
    return value if isinstance(value, dict) else {}


def _int(cursor: dict[str, Any], name: str) -> int:
    value = cursor.get(name, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


class FileSource:
    """A folder or a ZIP file of PNGs, metadata JSON and CAR files."""

    def __init__(self, path: Path) -> None:
        from app.curation.sources.files import list_items

        self.path = Path(path).resolve()
        self.key = f"{'folder' if self.path.is_dir() else 'zip'}:{self.path}"
        self._names = list_items(self.path)  # raises the one plain error when the source cannot be opened

    def total(self) -> int | None:
        return len(self._names)

    def position(self, cursor: str | None) -> int:
        return min(_int(_cursor(cursor), "at"), len(self._names))

    def read(self, cursor: str | None) -> Iterator[tuple[Candidate, str]]:
        from app.curation.sources.files import iter_source

        for step in iter_source(self.path, start=self.position(cursor)):
            if step.candidate is not None:
                yield step.candidate, json.dumps({"at": step.position + 1})

    def cursor_when_done(self, last: str | None) -> str | None:
        return None  # a folder read again later may have new files anywhere in its order


class LibrarySource:
    """This machine's design library, newest first."""

    key = "library"

    def __init__(self, library: Any, language: str = "en") -> None:
        self.library = library
        self.language = language

    def total(self) -> int | None:
        from app.curation.sources.library_source import library_count

        return library_count(self.library)

    def position(self, cursor: str | None) -> int:
        return _int(_cursor(cursor), "n")

    def read(self, cursor: str | None) -> Iterator[tuple[Candidate, str]]:
        from app.curation.sources.library_source import library_steps

        state = _cursor(cursor)
        below = _int(state, "below") or None
        count = _int(state, "n")
        for key, candidate in library_steps(self.library, self.language, below=below):
            count += 1
            yield candidate, json.dumps({"below": key, "n": count})

    def cursor_when_done(self, last: str | None) -> str | None:
        return None  # newest first: designs made since are above the cursor, so the next run starts from the top


class ChainImportSource:
    """The campaign contract: its Minted events in block ranges, each token's files through IPFS."""

    def __init__(self, chain: Any, *, from_block: int = 0, known: Any = None) -> None:
        self.chain = chain  # app.curation.sources.chain_source.ChainSource
        self.key = f"chain:{chain.chain_id}:{chain.contract}"
        self.from_block = from_block
        self._known = known  # store.has_sources: tokens stored before are not fetched again
        self._total: int | None = None

    def total(self) -> int | None:
        if self._total is None:
            contract = self.chain.client.contract
            try:
                self._total = self.chain.client.call(lambda: int(contract.functions.totalMinted().call()))
            except UserFacingError:
                return None
        return self._total

    def position(self, cursor: str | None) -> int:
        return _int(_cursor(cursor), "n")

    def read(self, cursor: str | None) -> Iterator[tuple[Candidate, str]]:
        state = _cursor(cursor)
        start = max(self.from_block, _int(state, "block"))
        count = _int(state, "n")
        for page in self.chain.scan_pages(start):
            refs = list(page.tokens)
            stored = self._known([self.chain.source_key(r.token_id) for r in refs]) if self._known and refs else set()
            for at, ref in enumerate(refs):
                count += 1
                last_of_page = at == len(refs) - 1
                after = json.dumps({"block": page.to_block + 1 if last_of_page else ref.block, "n": count})
                if self.chain.source_key(ref.token_id) in stored:
                    continue
                yield self.chain.read(ref), after

    def cursor_when_done(self, last: str | None) -> str | None:
        return last


def source_for(
    spec: str,
    settings: Any,
    *,
    from_block: int | None = None,
    ipfs: str | None = None,
    library: Any = None,
    sandbox: Any = None,
    known: Any = None,
) -> Any:
    """The ImportSource a command-line or dialog choice names: a path, "library", "chain:" or "chain:NET:CONTRACT"."""
    text = spec.strip()
    if text == "library":
        if library is None:
            from app.library.store import Library
            from app.paths import data_dir

            library = Library.open(data_dir())
        return LibrarySource(library, settings.language if settings.language in ("en", "ko") else "en")
    if text.startswith("chain:") or text == "chain":
        return _chain_source(text, settings, from_block, ipfs, sandbox, known)
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:200]) or '""'
    if not text:  # Path("") is the current folder: an empty argument would import whatever folder the shell is in
        raise UserFacingError(NO_SUCH_SOURCE(source=shown))
    try:
        path = Path(text).expanduser()
        if path.is_dir() or path.is_file():
            return FileSource(path)
    except (OSError, ValueError, RuntimeError):  # a name too long for the system, a NUL, an unknown ~user
        pass
    raise UserFacingError(NO_SUCH_SOURCE(source=shown))


def _chain_source(text: str, settings: Any, from_block: int | None, ipfs: str | None, sandbox: Any, known: Any) -> Any:
    from app.chain.networks import BUILT_IN
    from app.curation.sources.chain_source import ChainSource
    from app.curation.sources.ipfs_fetch import GATEWAY, KUBO, IpfsSource

    parts = text.split(":", 2)
    curation = settings.curation
    network = settings.chain.selected_network()
    contract = curation.contract
    name = parts[1] if len(parts) > 1 and parts[1] else curation.network
    if name:
        if name == "custom":
            network = settings.chain.selected_network() if settings.chain.network == "custom" else None
        else:
            network = BUILT_IN.get(name)
        if network is None:
            raise UserFacingError(UNKNOWN_NETWORK(network=name))
    if len(parts) > 2 and parts[2]:
        contract = parts[2]
    contract = contract or (network.contract or "")
    if not contract and not network.is_sandbox:
        raise UserFacingError(NO_CONTRACT_SET())
    url = (ipfs or curation.ipfs_source or settings.publish.kubo_url or "").strip()
    if not url:
        raise UserFacingError(NO_IPFS_SOURCE())
    kind = KUBO if ":5001" in url or "/api/v0" in url else GATEWAY  # Kubo's RPC port, else a gateway
    if sandbox is None and network.is_sandbox:
        from app.chain.sandbox import SandboxChain
        from app.paths import data_dir

        sandbox = SandboxChain(data_dir() / "chain" / "sandbox")
    source = ChainSource.open(
        network, IpfsSource(kind, url.rstrip("/").removesuffix("/ipfs")), contract=contract, sandbox=sandbox
    )
    start = curation.from_block if from_block is None else from_block
    return ChainImportSource(source, from_block=max(0, start), known=known)
