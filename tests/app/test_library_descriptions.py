"""Descriptions in the library, on real SQLite: drafts, the edited text, migration, restart and crash."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.errors import StorageError
from app.library import store
from app.library.models import DescriptionRecord, DraftRecord
from app.library.store import Library
from tests.app.test_library import design

REPO_ROOT = Path(__file__).resolve().parents[2]
KOREAN = "르노 SM6 인스파이어, 해질녘 해안 도로를 달리는 진주색 세단.\n두 번째 줄 🚗  끝 공백 "


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "data") as library:
        yield library


def draft(lib: Library, design_id: str, text: str, *, language: str = "ko", **kw) -> DraftRecord:
    fields = {"source": "openai", "model": "gpt-4o-mini", "prompt": "Describe this SM6.", "finish_reason": "stop"}
    return lib.add_draft(design_id, language=language, text=text, **{**fields, **kw})


def test_draft_and_description_round_trip_exactly(lib):
    d = lib.add(design("pearl sm6"))
    made = draft(lib, d.id, KOREAN, prompt="사용자 메시지: 진주색", finish_reason=None)
    assert isinstance(made, DraftRecord) and len(made.id) == 26
    assert lib.drafts(d.id) == [made] and lib.latest_draft(d.id, "ko") == made
    assert made.text == KOREAN and made.prompt == "사용자 메시지: 진주색" and made.finish_reason is None

    saved = lib.save_description(d.id, "ko", KOREAN + " 편집함", based_on_draft_id=made.id)
    assert isinstance(saved, DescriptionRecord)
    assert lib.description(d.id, "ko") == saved
    assert saved.text == KOREAN + " 편집함" and saved.based_on_draft_id == made.id
    assert saved.created_at == saved.updated_at
    assert lib.descriptions(d.id) == {"ko": saved}
    # The bytes in the file are the UTF-8 of exactly what was given.
    with contextlib.closing(sqlite3.connect(lib.data_dir / store.DB_NAME)) as raw:
        stored = raw.execute("SELECT CAST(text AS BLOB) FROM descriptions").fetchone()[0]
    assert stored == (KOREAN + " 편집함").encode("utf-8")


def test_drafts_are_newest_first_and_filtered_by_language(lib):
    d = lib.add(design("chrome sm6"))
    first = draft(lib, d.id, "첫 번째")
    english = draft(lib, d.id, "An English one", language="en", source="offline", model="templates-v1")
    second = draft(lib, d.id, "두 번째")
    backdated = draft(lib, d.id, "예전 것", created_at=first.created_at - 60)
    assert lib.drafts(d.id) == [second, english, first, backdated]
    assert lib.drafts(d.id, "ko") == [second, first, backdated]
    assert lib.drafts(d.id, language="en") == [english]
    assert lib.latest_draft(d.id, "ko") == second and lib.latest_draft(d.id, "en") == english
    assert english.source == "offline" and english.model == "templates-v1"

    other = lib.add(design("matte sm6", seed=2))
    assert lib.drafts(other.id) == [] and lib.latest_draft(other.id, "ko") is None
    assert lib.drafts("no-such-design") == []


def test_save_is_an_upsert_that_keeps_created_at(lib, monkeypatch):
    d = lib.add(design("gold sm6"))
    clock = iter([1000.0, 1005.0, 1010.0])
    monkeypatch.setattr("app.library.descriptions.time.time", lambda: next(clock))
    first = lib.save_description(d.id, "ko", "초안")
    second = lib.save_description(d.id, "ko", "초안을 고쳤다", based_on_draft_id="01J00000000000000000000000")
    third = lib.save_description(d.id, "ko", "")  # an emptied editor is saved too
    assert (first.created_at, first.updated_at) == (1000.0, 1000.0)
    assert (second.created_at, second.updated_at) == (1000.0, 1005.0)
    assert lib.description(d.id, "ko") == third == DescriptionRecord(d.id, "ko", "", None, 1000.0, 1010.0)
    with contextlib.closing(sqlite3.connect(lib.data_dir / store.DB_NAME)) as raw:
        assert raw.execute("SELECT count(*) FROM descriptions").fetchone()[0] == 1


def test_languages_and_designs_are_kept_apart(lib):
    a, b = lib.add(design("a", seed=1)), lib.add(design("b", seed=2))
    en = lib.save_description(a.id, "en", "Pearl white SM6 at dusk.")
    ko = lib.save_description(a.id, "ko", "해질녘의 진주색 SM6.")
    kb = lib.save_description(b.id, "ko", "다른 차")
    assert lib.descriptions(a.id) == {"ko": ko, "en": en} and list(lib.descriptions(a.id)) == ["ko", "en"]
    assert lib.descriptions(b.id) == {"ko": kb}
    assert lib.description(b.id, "en") is None and lib.descriptions("no-such-design") == {}
    lib.save_description(a.id, "en", "Changed")
    assert lib.description(a.id, "ko") == ko and lib.description(b.id, "ko") == kb


def test_unknown_design_raises_key_error_and_stores_nothing(lib):
    with pytest.raises(KeyError, match="no-such-design"):
        lib.save_description("no-such-design", "ko", "text")
    with pytest.raises(KeyError, match="no-such-design"):
        draft(lib, "no-such-design", "text")
    d = lib.add(design("x"))
    lib.save_description(d.id, "ko", "still works")  # no transaction left open by the failure
    with contextlib.closing(sqlite3.connect(lib.data_dir / store.DB_NAME)) as raw:
        assert raw.execute("SELECT count(*) FROM description_drafts").fetchone()[0] == 0
        assert raw.execute("SELECT count(*) FROM descriptions").fetchone()[0] == 1


def test_bad_arguments_are_refused(lib):
    d = lib.add(design("x"))
    with pytest.raises(ValueError, match="language"):
        lib.save_description(d.id, "fr", "texte")
    with pytest.raises(ValueError, match="source"):
        draft(lib, d.id, "text", source="claude")
    with pytest.raises(TypeError):
        lib.save_description(d.id, "ko", b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        lib.drafts(d.id, "KO")


def test_restart_restores_exactly(tmp_path):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        d = lib.add(design("restart sm6"))
        made = [draft(lib, d.id, f"초안 {i}") for i in range(3)]
        en_draft = draft(lib, d.id, "draft", language="en")
        ko = lib.save_description(d.id, "ko", KOREAN, based_on_draft_id=made[-1].id)
        en = lib.save_description(d.id, "en", "Edited\r\nwith CRLF\tand a tab", based_on_draft_id=en_draft.id)
    with Library.open(data) as lib:
        assert lib.drafts(d.id, "ko") == made[::-1] and lib.drafts(d.id, "en") == [en_draft]
        assert lib.descriptions(d.id) == {"ko": ko, "en": en}
        assert lib.get(d.id) == d


def test_v1_library_upgrades_in_place_and_keeps_its_designs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with monkeypatch.context() as m:  # the app as it was before descriptions existed
        m.setattr(store, "SCHEMA_VERSION", 1)
        m.setattr(store, "_MIGRATIONS", store._MIGRATIONS[:1])
        with Library.open(data) as old:
            kept = [old.add(design(f"old design {i}", seed=i)) for i in range(3)]
            old.set_favourite(kept[1].id, True)
    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        assert raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'descriptions'").fetchone() is None

    with Library.open(data) as lib:
        assert [x.id for x in lib.list()] == [x.id for x in reversed(kept)]
        assert lib.get(kept[1].id).favourite is True and lib.list(search="design 2")[0].id == kept[2].id
        assert lib.descriptions(kept[0].id) == {} and lib.drafts(kept[0].id) == []
        saved = lib.save_description(kept[0].id, "ko", "오래된 디자인의 설명")
    with Library.open(data) as lib:  # opening again migrates nothing twice
        assert lib.description(kept[0].id, "ko") == saved
    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 4
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_library_reads_descriptions_and_refuses_saves(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        d = lib.add(design("x"))
        saved = lib.save_description(d.id, "ko", "읽기 전용")
        made = draft(lib, d.id, "초안")
    monkeypatch.setattr(store, "check_writable", lambda folder: f"Cannot write to {folder}: Read-only file system.")
    with Library.open(data) as lib:
        assert lib.is_read_only
        assert lib.descriptions(d.id) == {"ko": saved} and lib.drafts(d.id) == [made]
        with pytest.raises(StorageError, match="read-only") as info:
            lib.save_description(d.id, "ko", "changed")
        assert str(data) in str(info.value) and "another data folder" in str(info.value)
        with pytest.raises(StorageError, match="read-only"):
            draft(lib, d.id, "new draft")
    with Library.open(data) as lib:
        assert lib.description(d.id, "ko") == saved


def test_read_only_v1_library_has_no_descriptions_yet(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with monkeypatch.context() as m:
        m.setattr(store, "SCHEMA_VERSION", 1)
        m.setattr(store, "_MIGRATIONS", store._MIGRATIONS[:1])
        with Library.open(data) as old:
            d = old.add(design("old"))
    monkeypatch.setattr(store, "check_writable", lambda folder: "Cannot write.")
    with Library.open(data) as lib:  # cannot migrate a folder it cannot write: reads show nothing, not an error
        assert lib.is_read_only
        assert lib.descriptions(d.id) == {} and lib.description(d.id, "ko") is None
        assert lib.drafts(d.id) == [] and lib.latest_draft(d.id, "en") is None
        with pytest.raises(StorageError, match="read-only"):
            lib.save_description(d.id, "ko", "x")


_CHILD = textwrap.dedent(
    """
    import sys
    from app.library.store import Library

    lib = Library.open(sys.argv[1])
    design_id = sys.argv[2]
    i = 0
    while True:
        lib.save_description(design_id, "ko", f"{i}: " + "해안 도로의 SM6 " * (i % 40))
        print(i, flush=True)
        i += 1
    """
)


@pytest.mark.parametrize("kill_after", [5, 60])
def test_a_crash_while_autosaving_keeps_the_last_saved_text(tmp_path, kill_after):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        design_id = lib.add(design("crash sm6")).id
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(data), design_id],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None
    last = -1
    for line in child.stdout:  # read to the end: the child runs ahead of this loop until it is killed
        if not line.endswith("\n"):
            break
        last = int(line)
        if last == kill_after:
            child.send_signal(signal.SIGKILL)  # mid-way through whatever the next save is doing
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open(data) as lib:
        text = lib.description(design_id, "ko").text
    number = int(text.split(":")[0])
    assert last >= kill_after and number in (
        last,
        last + 1,
    )  # the last save that returned, or the one in flight if it committed
    assert text == f"{number}: " + "해안 도로의 SM6 " * (number % 40)
