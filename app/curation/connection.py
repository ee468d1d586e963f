"""The shared curation server as Settings sees it: its password in the keyring (never in settings.toml), its
connection URL made from host, port, database and user, and "Test connection", which says what it found.

db.py stays free of the keyring: `open_store` reads the password here and hands it down."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from app.curation import db
from app.curation.settings import CURATION_DB_SECRET
from app.messages import Msg
from app.secret_store import ApiKeyStore, InvalidApiKey

PASSWORD_ENV_VAR = "SM6_CURATION_DB_PASSWORD"
DEFAULT_PORT = 5432

PASSWORD_EMPTY = Msg("curation.db_password.empty", "The password is empty. Type the database user's password.")
PASSWORD_LINE_BREAKS = Msg(
    "curation.db_password.line_breaks", "A password has no line breaks inside. Type it again, on one line."
)


class DatabasePasswordStore(ApiKeyStore):
    """The curation server's password: SM6_CURATION_DB_PASSWORD, else the system keyring."""

    username_default = CURATION_DB_SECRET
    env_var = PASSWORD_ENV_VAR
    what = "curation database password"
    no_keyring = Msg(
        "curation.db_password.no_keyring",
        "This system has no keyring to keep the database password safe, so it can only come from the {env_var} "
        "environment variable. Set it before starting SM6 Design Studio.",
    )
    keyring_unreadable = Msg(
        "curation.db_password.keyring_unreadable",
        "The system keyring could not be read (it may be locked), so the database password can only come from the "
        "{env_var} environment variable. Unlock the keyring and try again.",
    )
    keyring_unwritable = Msg(
        "curation.db_password.keyring_unwritable",
        "The password could not be saved in the system keyring. Unlock the keyring and try again, or set the "
        "{env_var} environment variable.",
    )
    bad_env_key = Msg(
        "curation.db_password.bad_env",
        "The {env_var} environment variable holds a line break, so it is ignored.",
    )
    bad_stored_key = Msg(
        "curation.db_password.bad_stored",
        "The database password saved in the system keyring is not usable. Enter it again in Settings.",
    )

    def validate(self, key: str) -> str:
        # Unlike an API key, a password may hold spaces (even at its ends): kept exactly as typed.
        if not isinstance(key, str):
            raise TypeError(f"A password is a str, not {type(key).__name__}")
        if not key:
            raise InvalidApiKey(PASSWORD_EMPTY())
        if any(ch in "\r\n\0" for ch in key):
            raise InvalidApiKey(PASSWORD_LINE_BREAKS())
        return key


def stored_password() -> str | None:
    """The server's password from the environment, this session or the keyring; None when there is none. May block
    on the keyring: call it off the UI thread."""
    return DatabasePasswordStore().get().key


@dataclass(frozen=True)
class ServerParts:
    host: str = ""
    port: int = DEFAULT_PORT
    dbname: str = ""
    user: str = ""


def server_url(parts: ServerParts) -> str:
    """postgresql://user@host:port/dbname, each part quoted; never a password."""
    host = parts.host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    user = urllib.parse.quote(parts.user.strip(), safe="")
    dbname = urllib.parse.quote(parts.dbname.strip(), safe="")
    at = f"{user}@" if user else ""
    return f"postgresql://{at}{host}:{int(parts.port)}/{dbname}"


def server_parts(setting: str) -> ServerParts:
    """The parts of a server setting (URL or libpq key=value), for the form; empty parts where it names none."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        found = conninfo_to_dict(setting.strip())
    except Exception:  # noqa: BLE001 - a hand-edited setting the form cannot read starts the form empty
        return ServerParts()
    try:
        port = int(str(found.get("port") or DEFAULT_PORT))
    except ValueError:
        port = DEFAULT_PORT
    return ServerParts(
        host=str(found.get("host") or ""),
        port=port,
        dbname=str(found.get("dbname") or ""),
        user=str(found.get("user") or ""),
    )


@dataclass(frozen=True)
class ConnectionReport:
    kind: str  # db.SQLITE or db.POSTGRESQL
    server_version: str  # "15.4"
    schema_version: int  # 0: the schema is made when Curation first opens
    submissions: int


def check_connection(setting: str, default_file: Path, password: str | None = None) -> ConnectionReport:
    """Connect, read what is there and disconnect, changing nothing (no migration). StorageFailure in plain words
    when the server cannot be reached or read. Blocks for up to the connect timeout: call it off the UI thread."""
    database = db.open_database(setting, default_file, password=password)
    try:
        if database.dialect == db.POSTGRESQL:
            version = str(database.read("SHOW server_version")[0][0]).split(" ")[0]
            has_schema = database.read("SELECT to_regclass('curation_schema') IS NOT NULL")[0][0]
            rows = database.read("SELECT version FROM curation_schema") if has_schema else []
            schema = int(rows[0][0]) if rows else 0
            has_table = database.read("SELECT to_regclass('submissions') IS NOT NULL")[0][0]
        else:
            version = str(database.read("SELECT sqlite_version()")[0][0])
            schema = int(database.read("PRAGMA user_version")[0][0])
            has_table = database.read("SELECT COUNT(*) FROM sqlite_master WHERE name = 'submissions'")[0][0]
        count = int(database.read("SELECT COUNT(*) FROM submissions")[0][0]) if has_table else 0
        return ConnectionReport(database.dialect, version, schema, count)
    finally:
        database.close()
