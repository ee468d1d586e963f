"""Removing a person's SM6 Design Studio data: what an uninstaller runs when they ask for their data to go too.

A data folder may be one the person chose in Settings, even ~/Documents: only what the app made there goes (the
names below), anything else stays and is listed as left. A folder holding nothing else goes entirely. The same for
the settings folder. The app's own secrets in the system keyring (the OpenAI API key, the pinning service's token,
the curation server's password) go too; the keyring's other entries are never touched.

Wallet keystores are the only copy of their accounts' keys: `Plan.wallets` counts them, and the front end refuses
unless the person said so. The data folder is held (app/data_lock.py) from before the plan is shown until the
removal ends, so neither the app nor a command can write into it meanwhile.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from app import data_lock, paths, privacy
from app.errors import UserFacingError
from app.messages import Message, Msg
from app.secret_store import ApiKeyStore

log = logging.getLogger(__name__)

# What the app makes in a data folder and the settings folder. A person may choose any folder for the data, even
# ~/Documents, where "images" or "logs" may well be their own: such everyday names count as the app's only when all
# that is inside is named the way the app names it (`_LOOKS`); the app's own names count as they are.
DATA_NAMES = (
    "library.sqlite3",
    "publish",
    "chain",
    "wallet",
    "showroom",
    "curation",
    "recovered",
    "studio-draft.json",
    privacy.MARKER,
)
DATA_PREFIXES = ("library.sqlite3-",)  # its -wal, -shm and -journal files
CONFIG_NAMES = ("settings.toml", "safety_words.txt")
CONFIG_PREFIXES = ("settings.toml.",)  # the .unreadable-<time> copies of a damaged file
_CUT_SHORT = r"(\.{0}\.[a-z0-9_]{{8}}\.tmp)"  # the temp file of a write a crash stopped (app/fsutil.py atomic_writer)
_PNG = r"[0-9a-f]{64}\.png"
_LOOKS = {
    "images": re.compile(rf"^[0-9a-f]{{2}}/({_PNG}|{_CUT_SHORT.format(_PNG)})$"),  # app/library/images.py
    "pictures": re.compile(rf"^({_PNG}|{_CUT_SHORT.format(_PNG)})$"),  # app/generation/pictures.py
    "logs": re.compile(r"^sm6-studio[\w.-]*\.log(\.\d+)?$"),  # app/crash_log.py
    "cache": re.compile(r"^(model_hashes\.json|curation-thumbnails/.*|indicators/[a-z-]+-[0-9a-f]{6}\.svg)$"),
}
MODEL_MARKERS = ("model_index.json", "config.json", "sm6_demo.json")
_KEYSTORE = re.compile(r"^0x[0-9a-fA-F]{40}(-.*)?\.json$")  # wallet/<address>.json, removed/<address>-<time>.json
_MAX_LOOKED_AT = 200_000  # files looked at in one everyday-named folder before it is called the person's

OPENAI_KEY = Msg("data.remove.secret.openai", "the OpenAI API key")
PINNING_TOKEN = Msg("data.remove.secret.pinning", "the IPFS pinning service token")
CURATION_PASSWORD = Msg("data.remove.secret.curation", "the curation database password")
REMOVE_FAILED = Msg(
    "data.remove.failed",
    "{path} could not be removed ({reason}). What is listed as removed is gone; run the command again to remove "
    "the rest.",
)


@dataclass
class Folder:
    path: Path
    ours: list[Path] = field(default_factory=list)  # what the app made in it: removed
    others: list[Path] = field(default_factory=list)  # anything else: left where it is
    size: int = 0  # bytes of what is removed
    designs: int | None = 0  # in a data folder's library; None: it could not be read
    wallets: int = 0  # keystore files in a data folder (accounts, and removed accounts kept for undo)

    @property
    def whole(self) -> bool:
        """Nothing of the person's own is in it: the folder itself goes."""
        return not self.others


@dataclass
class Plan:
    data: list[Folder]  # the data folder in use, and the usual one when Settings chose another
    config: Folder | None
    secrets: list[tuple[ApiKeyStore, Msg]]  # the app's entries saved in the keyring

    @property
    def empty(self) -> bool:
        return not self.data and self.config is None and not self.secrets

    @property
    def wallets(self) -> int:
        return sum(f.wallets for f in self.data)

    @property
    def folders(self) -> list[Folder]:
        return [*self.data, *([self.config] if self.config else [])]


def secret_stores() -> list[tuple[ApiKeyStore, Msg]]:
    from app.curation.connection import DatabasePasswordStore
    from app.token.publish_settings import PinningTokenStore

    return [
        (ApiKeyStore(), OPENAI_KEY),
        (PinningTokenStore(), PINNING_TOKEN),
        (DatabasePasswordStore(), CURATION_PASSWORD),
    ]


def data_folders() -> list[Path]:
    """The data folder in use; and the usual one too when Settings chose another (it holds what was made before the
    choice). An SM6_DATA_DIR override names the one folder meant."""
    current = paths.data_dir()
    found = [current]
    usual = paths.default_data_dir()
    if not os.environ.get("SM6_DATA_DIR") and _real(usual) != _real(current) and usual.is_dir():
        found.append(usual)
    return found


def make_plan(data_dirs: list[Path] | None = None, config_dir: Path | None = None) -> Plan:
    """What would be removed, read without changing anything (call it while holding the data folders)."""
    data_dirs = data_dirs if data_dirs is not None else data_folders()
    config_dir = config_dir or paths.config_dir()
    shared = any(_real(config_dir) == _real(d) for d in data_dirs)  # SM6_CONFIG_DIR may name a data folder
    data = []
    for data_dir in data_dirs:
        designs = count_designs(data_dir)  # first: reading may leave the library's -wal file, listed next
        folder = _folder(data_dir, _data_entry_is_ours, also_config=shared)
        if folder is not None:
            folder.designs, folder.wallets = designs, count_wallets(data_dir)
            data.append(folder)
    return Plan(
        data=data,
        config=None if shared else _folder(config_dir, _config_entry_is_ours),
        secrets=[(store, words) for store, words in secret_stores() if _saved(store)],
    )


def hold(data_dirs: list[Path] | None = None) -> list[data_lock.DataLock]:
    """Own the data folders until the removal ends; FolderInUse when the app or a command uses one. Never makes a
    folder that is not there."""
    held: list[data_lock.DataLock] = []
    try:
        for data_dir in data_dirs if data_dirs is not None else data_folders():
            lock = data_lock.hold(data_dir) if data_dir.is_dir() else None
            if lock is not None:
                held.append(lock)
    except BaseException:
        release(held)
        raise
    return held


def release(held: list[data_lock.DataLock]) -> None:
    for lock in held:
        lock.release()


def remove(plan: Plan, on_removed=lambda path: None) -> list[Message]:
    """Remove what `plan` lists; `on_removed(path)` after each. Returns what could not be done (keyring entries
    that stay, in words). UserFacingError when a file cannot be removed (what went before is gone)."""
    for folder in plan.folders:
        _close_logs_in(folder.path)  # this very command logs there; Windows cannot remove an open file
        lock_file = data_lock.lock_path(folder.path)
        for path in folder.ours:
            if path == lock_file:
                continue  # held until the end: removed last, once let go
            _delete(path)
            on_removed(path)
    problems: list[Message] = []
    for store, _ in plan.secrets:
        try:
            store.clear()
        except UserFacingError as exc:
            problems.append(exc.msg)
    return problems


def finish(plan: Plan, held: list[data_lock.DataLock]) -> None:
    """Let go of the data folders, then remove their lock files and the folders that hold nothing of the person's."""
    release(held)
    for folder in plan.folders:
        _delete(data_lock.lock_path(folder.path))
        if folder.whole:
            _delete(folder.path)


def count_designs(data_dir: Path) -> int | None:
    db = data_dir / "library.sqlite3"
    if not db.is_file():
        return 0
    try:
        # Not mode=ro: a read-only connection leaves -wal and -shm files behind; this one (the folder is held, so
        # it is the only one) takes them away when it closes.
        conn = sqlite3.connect(f"{db.as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            # The designs the person sees: removed ones, kept a day for Undo, are no longer theirs to count.
            columns = {row[1] for row in conn.execute("PRAGMA table_info(designs)")}
            shown = " WHERE removed_at IS NULL" if "removed_at" in columns else ""
            return int(conn.execute(f"SELECT count(*) FROM designs{shown}").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError) as exc:
        log.warning("The library %s could not be counted: %s", db, exc)
        return None


def count_wallets(data_dir: Path) -> int:
    folder = data_dir / "wallet"
    found = 0
    for where in (folder, folder / "removed"):
        try:
            found += sum(1 for f in where.iterdir() if _KEYSTORE.match(f.name) and f.is_file())
        except OSError:
            continue
    return found


def size_of(path: Path) -> int:
    try:
        info = path.lstat()
    except OSError:
        return 0
    if not stat.S_ISDIR(info.st_mode):
        return info.st_size
    total = 0
    for root, dirs, names in os.walk(path):  # never follows a link out of the folder
        for name in names:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                continue
    return total


def _folder(path: Path, is_ours, also_config: bool = False) -> Folder | None:
    try:
        listing = sorted(path.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise UserFacingError(REMOVE_FAILED(path=path, reason=_reason(exc)), str(exc)) from None
    folder = Folder(path)
    for entry in listing:
        ours = is_ours(entry) or (also_config and _config_entry_is_ours(entry))
        (folder.ours if ours else folder.others).append(entry)
    folder.size = sum(size_of(p) for p in folder.ours)
    return folder


def _data_entry_is_ours(entry: Path) -> bool:
    name = entry.name
    if name == data_lock.LOCK_NAME or name in DATA_NAMES or name.startswith(DATA_PREFIXES):
        return True
    if name == "models":
        return _holds_only_models(entry)
    looks = _LOOKS.get(name)
    return looks is not None and _all_named_like(entry, looks)


def _holds_only_models(folder: Path) -> bool:
    """Imported models only: .safetensors files, and folders with a model's own description inside."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            if not any((entry / marker).is_file() for marker in MODEL_MARKERS):
                return False
        elif not entry.name.endswith(".safetensors"):
            return False
    return True


def _config_entry_is_ours(entry: Path) -> bool:
    name = entry.name
    if name in CONFIG_NAMES or name.startswith(CONFIG_PREFIXES):
        return True
    return name == "logs" and _all_named_like(entry, _LOOKS["logs"])


def _all_named_like(folder: Path, looks: re.Pattern) -> bool:
    """A real folder (not a link) where every file's path inside matches `looks`."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    seen = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            seen += 1
            inside = (Path(root) / name).relative_to(folder).as_posix()
            if seen > _MAX_LOOKED_AT or not looks.match(inside):
                return False
    return True


def _close_logs_in(folder: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        where = getattr(handler, "baseFilename", None)
        if where and _real(Path(where)).is_relative_to(_real(folder)):
            root.removeHandler(handler)
            handler.close()


def _saved(store: ApiKeyStore) -> bool:
    try:
        return store.saved_in_keyring()
    except Exception:  # noqa: BLE001 - a keyring that cannot be read is left alone, and said nothing about
        return False


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _delete(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserFacingError(REMOVE_FAILED(path=path, reason=_reason(exc)), str(exc)) from None


def _reason(exc: OSError) -> Message:
    from app.fsutil import describe_os_error

    return describe_os_error(exc)
