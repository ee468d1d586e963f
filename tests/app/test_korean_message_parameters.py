"""A Korean sentence names things in Korean: the names a core message is given as parameters (the keystore file, the
design library, the IPFS node…) are messages too, so no English fragment turns up inside a Korean sentence, while the
English sentences read exactly as they always have."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

import pytest

from app import i18n
from app.chain import keystore_format
from app.chain.contract import decode_revert
from app.chain.sandbox import _SqliteKV
from app.chain.wallet_errors import KeystoreDamagedError
from app.chain.wallet_index import INDEX_NAME, read_index
from app.errors import InputError, StorageError
from app.generation.presets import load_presets
from app.library import messages as library_msgs
from app.library.store import STORE_NAME
from app.safejson import BadJSON
from app.sqlite_db import open_durable
from app.storage_errors import storage_error
from app.token.ipfs_clients import KuboClient, ServiceConfigError
from app.urls import check_service_url

# Names that stay as written in Korean (the app's own name included), and the scheme words of an example address.
ALLOWED = {"KAIA", "Kaia", "IPFS", "JSON", "CID", "CAR", "URL", "PNG", "OpenAI", "SQLite", "http", "https"}
APP_NAME = "SM6 Design Studio"
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def korean():
    i18n.set_language("ko")
    try:
        yield
    finally:
        i18n.set_language("en")


def _english_fragments(text: str, *values: object) -> list[str]:
    """The ASCII words of 3+ letters in `text` once the parameter values (paths, addresses, numbers) are left out."""
    for value in sorted((str(v) for v in (*values, APP_NAME)), key=len, reverse=True):
        text = text.replace(value, " ")
    text = re.sub(r"https?://\S+", " ", text)
    return [word for word in ENGLISH_WORD.findall(text) if word not in ALLOWED]


def _bad_keystore(message_of) -> str:
    with pytest.raises(KeystoreDamagedError) as caught:
        keystore_format.parse_keystore(b"{not json", Path("/data/wallet/0xabc.json"), stored=True)
    return message_of(caught.value)


def _damaged_wallet_index(tmp_path: Path) -> str:
    (tmp_path / INDEX_NAME).write_text('{"accounts": [', encoding="utf-8")
    notices: list[str] = []
    assert read_index(tmp_path, notices.append) is None
    return notices[0]


def _locked_library(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "library.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(path)) as holder,
        contextlib.closing(sqlite3.connect(path, timeout=0)) as me,
    ):
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError) as caught:
            me.execute("INSERT INTO t VALUES (1)")
        holder.rollback()
    error = storage_error(caught.value, library_msgs.CANNOT_BE_SAVED(), folder=tmp_path, file=path, store=STORE_NAME)
    return error.message, tmp_path


def _bad_presets(tmp_path: Path) -> str:
    path = tmp_path / "presets.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BadJSON) as caught:
        load_presets(path)
    return caught.value.message


def _newer_sandbox_chain(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "sandbox.sqlite3"
    with contextlib.closing(open_durable(path)) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StorageError) as caught:
        _SqliteKV(path)
    return caught.value.message, path


def _bad_ipfs_address() -> str:
    with pytest.raises(ServiceConfigError) as caught:
        KuboClient("ftp://127.0.0.1:5001")
    return caught.value.message


def _bad_custom_node_address() -> str:
    with pytest.raises(InputError) as caught:
        check_service_url("node.example.com", "custom node")
    return caught.value.message


ENGLISH = {
    "keystore": "The keystore file for 0xabc is damaged",
    "presets": "The style presets file holds a list where an object ({…}) was expected.",
    "ipfs": "Fix it in Settings",
    "custom node": "The custom node address must start with http:// or https:// and name a host, like "
    "https://public-en-kairos.node.kaia.io.",
}


def _all_messages(tmp_path: Path) -> dict[str, tuple[str, tuple[object, ...]]]:
    """Each representative message, with the parameter values it may quote as they are."""
    library, folder = _locked_library(tmp_path)
    sandbox, sandbox_path = _newer_sandbox_chain(tmp_path)
    return {
        "keystore": (_bad_keystore(lambda e: e.message), ("0xabc", "/data/wallet/0xabc.json")),
        "wallet index": (_damaged_wallet_index(tmp_path), (INDEX_NAME, f"{INDEX_NAME}.damaged-")),
        "library": (library, (folder,)),
        "presets": (_bad_presets(tmp_path), ()),
        "sandbox chain": (sandbox, (sandbox_path, sandbox_path.parent)),
        "ipfs": (_bad_ipfs_address(), ()),
        "custom node": (_bad_custom_node_address(), ()),
        "panic": (_panic_reason(0x12), ()),
    }


def _panic_reason(code: int) -> str:
    """The reason given for a contract's Panic(code) revert (Solidity's Panic(uint256) selector and one word)."""
    reason = decode_revert(bytes.fromhex("4e487b71") + code.to_bytes(32, "big"))
    assert reason is not None and reason.name == "Panic"
    return reason.message


def test_names_inside_korean_sentences_are_korean(tmp_path, korean):
    found = {
        name: _english_fragments(text, *values)
        for name, (text, values) in _all_messages(tmp_path).items()
        if _english_fragments(text, *values)
    }
    assert found == {}


def test_the_korean_sentences_name_each_thing_in_korean(tmp_path, korean):
    said = {name: text for name, (text, _values) in _all_messages(tmp_path).items()}
    assert (
        said["keystore"].startswith("0xabc의 키스토어 파일이 손상되었습니다")
        and "올바른 JSON이 아닙니다" in said["keystore"]
    )
    assert "디자인 라이브러리을(를) 사용 중입니다" in said["library"]
    assert said["presets"].startswith("스타일 프리셋 파일: ") and "목록이(가) 있습니다" in said["presets"]
    assert said["sandbox chain"].startswith("샌드박스 체인을 열 수 없습니다")
    assert "IPFS 노드 주소" in said["ipfs"] and "사용자 지정 노드 주소" in said["custom node"]
    assert "0으로 나누었습니다" in said["panic"]


def test_the_english_sentences_read_as_before(tmp_path):
    said = {name: text for name, (text, _values) in _all_messages(tmp_path).items()}
    assert said["keystore"].startswith(ENGLISH["keystore"]) and "it is not valid JSON" in said["keystore"]
    assert "another program is using the design library in" in said["library"]
    assert said["presets"] == ENGLISH["presets"]
    assert said["sandbox chain"].startswith("The sandbox chain cannot be opened: ")
    assert "The IPFS node address must start with http://" in said["ipfs"] and ENGLISH["ipfs"] in said["ipfs"]
    assert said["custom node"] == ENGLISH["custom node"]
    assert "The contract stopped because it divided by zero (panic code 0x12)." in said["panic"]
    assert _english_fragments(said["library"], tmp_path)  # the check above does find English words
