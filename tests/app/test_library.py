"""The design library, on real SQLite and real files: what a user would notice if it broke."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest
from PIL import Image

from app.errors import StorageError
from app.generation.request import GenerationRequest
from app.library import store
from app.library.models import NewDesign
from app.library.store import Library
from tests.app.storage_conditions import unprivileged

REPO_ROOT = Path(__file__).resolve().parents[2]


def png(i: int = 0, size: tuple[int, int] = (16, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (i % 256, (i // 256) % 256, 77)).save(out, format="PNG")
    return out.getvalue()


def design(
    prompt: str, *, image: bytes | None = None, final: str | None = None, parent: str | None = None, seed: int = 1
):
    request = GenerationRequest(
        prompt=prompt, seed=seed, source="design" if parent else "none", source_design_id=parent
    )
    return NewDesign(
        png=image if image is not None else png(seed),
        request=request,
        seed=seed,
        prompt_final=final if final is not None else f"{prompt}, renault sm6, studio photo",
        negative_final="blurry, lowres",
        model_name="sm6-base",
        model_hash="0123456789abcdef",
        device="cpu",
        parent_id=parent,
        extra={"parent_id": parent, "device": "cpu"},
    )


def png_files(lib: Library) -> list[Path]:
    return sorted(lib.images_dir.rglob("*.png"))


@pytest.fixture(params=["fts5", "like"])
def lib(request, tmp_path, monkeypatch):
    """Every test runs against both search back-ends: FTS5 where SQLite has it, LIKE where not."""
    if request.param == "like":
        monkeypatch.setattr(store, "_fts5_trigram_available", lambda: False)
    library = Library.open(tmp_path / "data")
    assert library._has_fts == (request.param == "fts5")
    yield library
    library.close()


def test_add_get_and_list_newest_first(lib):
    made = [lib.add(design(f"sm6 number {i}", seed=i)) for i in range(3)]
    assert [d.id for d in lib.list()] == [d.id for d in reversed(made)]
    assert sorted(d.id for d in made) == [d.id for d in made]  # ids sort by creation time
    assert all(len(d.id) == 26 for d in made)

    got = lib.get(made[1].id)
    assert got == made[1]
    assert got.request == GenerationRequest(prompt="sm6 number 1", seed=1)
    assert (got.width, got.height) == (16, 8)  # read from the PNG, not the request
    assert got.extra == {"parent_id": None, "device": "cpu"}
    assert Path(got.image_path).read_bytes() == png(1)
    assert lib.get("no-such-design") is None
    assert lib.count() == 3
    assert [d.id for d in lib.list(limit=2, offset=1)] == [made[1].id, made[0].id]


def test_not_a_png_is_refused_and_nothing_is_stored(lib):
    with pytest.raises(ValueError, match="not a valid PNG"):
        lib.add(design("broken", image=b"GIF89a not a png"))
    assert lib.count() == 0 and png_files(lib) == []


def test_favourites_filter(lib):
    a, b, c = (lib.add(design(f"car {i}", seed=i)) for i in range(3))
    assert lib.set_favourite(b.id, True).favourite is True
    lib.set_favourite(c.id, True)
    assert [d.id for d in lib.list(favourites_only=True)] == [c.id, b.id]
    assert lib.count(favourites_only=True) == 2
    lib.set_favourite(c.id, False)
    assert [d.id for d in lib.list(favourites_only=True)] == [b.id]
    assert lib.get(a.id).favourite is False
    with pytest.raises(KeyError):
        lib.set_favourite("missing", True)


def test_search_words_any_case_in_either_prompt_including_korean(lib):
    chrome = lib.add(design("Chrome SM6 at sunset", final="chrome sm6, golden hour, 50% grain", seed=1))
    matte = lib.add(design("matte black SM6", final="matte black renault sm6, night city", seed=2))
    red_kr = lib.add(design("빨간색 SM6를 해안 도로에서", final="red sm6 on a coastal road", seed=3))
    blue_kr = lib.add(design("파란 스포츠 세단", final="blue sm6 sport sedan, 빨간 브레이크", seed=4))

    def ids(query: str, **kw) -> list[str]:
        found = [d.id for d in lib.list(search=query, **kw)]
        assert lib.count(search=query, **kw) == len(found)
        return found

    assert ids("CHROME") == [chrome.id]
    assert ids("sm6") == [blue_kr.id, red_kr.id, matte.id, chrome.id]  # "SM6를" counts: substring match
    assert ids("sunset golden") == [chrome.id]  # one word from the user's prompt, one from the final
    assert ids("matte chrome") == []  # words are ANDed
    assert ids("night") == [matte.id]
    assert ids("빨간색") == [red_kr.id]
    assert ids("빨간") == [blue_kr.id, red_kr.id]  # two characters: below the trigram size
    assert ids("해안 red") == [red_kr.id]
    assert ids("스포츠 세단") == [blue_kr.id]
    assert ids("blurry") == []  # the negative prompt is not searched
    assert ids("50%") == [chrome.id] and ids("%") == [chrome.id]  # % is text, not a wildcard
    assert ids('"sm6" OR') == []  # query syntax is not interpreted
    assert ids("   ") == ids("") == [blue_kr.id, red_kr.id, matte.id, chrome.id]
    lib.set_favourite(red_kr.id, True)
    assert ids("sm6", favourites_only=True) == [red_kr.id]
    assert ids("빨간", favourites_only=True) == [red_kr.id]


def test_lineage_of_a_refine_chain_and_children(lib):
    root = lib.add(design("base sm6", seed=1))
    child = lib.add(design("base sm6, chrome", parent=root.id, seed=2))
    grandchild = lib.add(design("base sm6, chrome, sunset", parent=child.id, seed=3))
    sibling = lib.add(design("base sm6, matte", parent=root.id, seed=4))

    assert [d.id for d in lib.lineage(grandchild.id)] == [root.id, child.id, grandchild.id]
    assert [d.id for d in lib.lineage(root.id)] == [root.id]
    assert [d.id for d in lib.children(root.id)] == [child.id, sibling.id]
    assert [d.id for d in lib.children(child.id)] == [grandchild.id]
    assert lib.children(grandchild.id) == [] and lib.lineage("missing") == []
    assert grandchild.request.source_design_id == child.id

    # A damaged database with a parent cycle must not hang the Library view.
    with contextlib.closing(sqlite3.connect(lib.data_dir / store.DB_NAME)) as raw:
        raw.execute("UPDATE designs SET parent_id = ? WHERE id = ?", (grandchild.id, root.id))
        raw.commit()
    chain = [d.id for d in lib.lineage(grandchild.id)]
    assert sorted(chain) == sorted([root.id, child.id, grandchild.id]) and chain[-1] == grandchild.id


def test_history_survives_a_restart(tmp_path):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        first = lib.add(design("before restart", seed=1))
        lib.set_favourite(first.id, True)
        second = lib.add(design("also before", seed=2))
    with Library.open(data) as lib:
        assert [d.id for d in lib.list()] == [second.id, first.id]
        assert lib.get(first.id).favourite is True
        assert lib.list(search="restart")[0].id == first.id
        third = lib.add(design("after restart", seed=3))
        assert lib.list()[0].id == third.id
    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION


def test_identical_png_is_stored_once(lib):
    same = png(42)
    a = lib.add(design("one", image=same, seed=1))
    b = lib.add(design("two", image=same, seed=2))
    assert a.id != b.id and a.image_path == b.image_path
    assert png_files(lib) == [Path(a.image_path)]
    assert Path(a.image_path).name == hashlib.sha256(same).hexdigest() + ".png"
    lib.add(design("three", image=png(43), seed=3))
    assert len(png_files(lib)) == 2


def test_worker_thread_adds_while_ui_thread_reads(lib):
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for i in range(40):
                lib.add(design(f"threaded {i}", seed=i))
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    while thread.is_alive():
        lib.list(search="threaded")
        lib.count()
    thread.join()
    assert errors == [] and lib.count(search="threaded") == 40


def test_a_folder_that_cannot_be_created_gives_a_plain_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file where the data folder should go")
    target = blocker / "data"
    with pytest.raises(StorageError) as info:
        Library.open(target)
    assert str(target) in str(info.value) and "another data folder" in str(info.value)


def test_read_only_folder_keeps_history_readable_and_refuses_new_designs(monkeypatch):
    # Not tmp_path: pytest's base folder is private to root, and `nobody` must reach the files.
    base = Path(tempfile.mkdtemp(prefix="sm6-ro-"))
    base.chmod(0o755)
    data = base / "data"
    (base / "system-temp").mkdir(mode=0o777)
    (base / "system-temp").chmod(0o777)
    monkeypatch.setattr("tempfile.tempdir", str(base / "system-temp"))  # where a refused design's image is kept
    try:
        with Library.open(data) as lib:
            kept = [lib.add(design(f"keep me {i}", seed=i)) for i in range(3)]
        # Images are written 0600 (mkstemp); `nobody` stands in for the owner here, so let it read.
        for path in [data, *data.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        with unprivileged():
            with pytest.raises(PermissionError):  # the failure is real, not assumed
                (data / "probe").write_bytes(b"x")
            with Library.open(data) as lib:
                assert lib.is_read_only
                assert [d.id for d in lib.list()] == [d.id for d in reversed(kept)]
                assert lib.list(search="keep 1")[0].id == kept[1].id
                assert Path(lib.get(kept[0].id).image_path).read_bytes() == png(0)
                with pytest.raises(StorageError, match="read-only") as info:
                    lib.add(design("new one", seed=9))
                assert str(data) in str(info.value) and "another data folder" in str(info.value)
                aside = base / "system-temp" / "sm6-recovered" / f"{hashlib.sha256(png(9)).hexdigest()}.png"
                assert aside.read_bytes() == png(9) and str(aside) in str(info.value)  # not lost
                with pytest.raises(StorageError):
                    lib.set_favourite(kept[0].id, True)
            empty = base / "empty"
            with pytest.raises(StorageError, match="another data folder"):
                Library.open(empty)  # nothing to read and nowhere to write
        for folder in [data, *(p for p in data.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        with Library.open(data) as lib:  # nothing was lost
            assert not lib.is_read_only and lib.count() == 3
            assert all(Path(d.image_path).is_file() for d in lib.list())
    finally:
        for folder in [base, *(p for p in base.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        shutil.rmtree(base)


_CHILD = textwrap.dedent(
    """
    import io, os, sys
    from PIL import Image
    from app.generation.request import GenerationRequest
    from app.library import images, store
    from app.library.models import NewDesign

    exit_after_file = int(sys.argv[2])
    if exit_after_file:
        real_write, calls = images.atomic_write_bytes, []
        def write_then_die(path, data):
            real_write(path, data)
            calls.append(path)
            if len(calls) == exit_after_file:
                os._exit(3)  # the PNG is on disk, its row is not: the worst instant
        images.atomic_write_bytes = write_then_die

    lib = store.Library.open(sys.argv[1])
    i = 0
    while True:
        buf = io.BytesIO()
        Image.new("RGB", (64, 64), (i % 256, i // 256 % 256, 9)).save(buf, format="PNG")
        d = lib.add(NewDesign(png=buf.getvalue(), request=GenerationRequest(prompt=f"crash {i}", seed=i),
                              seed=i, prompt_final=f"crash {i}", negative_final="", model_name="m",
                              model_hash="h", device="cpu"))
        print(d.id, flush=True)
        i += 1
    """
)


@pytest.mark.parametrize("how", ["sigkill", "exit_between_file_and_row"])
def test_a_crash_while_adding_leaves_no_row_without_its_file(tmp_path, how):
    data = tmp_path / "data"
    exit_after = "6" if how == "exit_between_file_and_row" else "0"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(data), exit_after],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    reported: list[str] = []
    assert child.stdout is not None
    for line in child.stdout:
        reported.append(line.strip())
        if how == "sigkill" and len(reported) == 30:
            child.send_signal(signal.SIGKILL)  # mid-way through whatever add() is doing now
    child.wait(timeout=60)
    assert child.returncode == (-signal.SIGKILL if how == "sigkill" else 3)

    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open(data) as lib:
        rows = lib.list(limit=100_000)
        assert set(reported) <= {d.id for d in rows}  # every add() that returned is kept
        for d in rows:
            assert hashlib.sha256(Path(d.image_path).read_bytes()).hexdigest() == d.image_sha256
        for f in png_files(lib):  # no half-written image under a final name
            assert hashlib.sha256(f.read_bytes()).hexdigest() == f.stem
        if how == "exit_between_file_and_row":
            assert len(rows) == 5 and len(png_files(lib)) == 6  # one harmless orphan
            orphan = next(f for f in png_files(lib) if f.stem not in {d.image_sha256 for d in rows})
            again = lib.add(design("retry", image=orphan.read_bytes(), seed=5))
            assert again.image_path == str(orphan) and len(png_files(lib)) == 6


def test_search_over_14000_designs_returns_the_right_ones(tmp_path):
    rnd = random.Random(6)
    words = "chrome matte pearl gold sunset night coast desert snow neon 빨간색 파란 스포츠카 야경 해안".split()
    images = [png(i) for i in range(20)]
    prompts = [" ".join(rnd.sample(words, 4)) + f" no{i}" for i in range(14_000)]
    with Library.open(tmp_path / "data") as lib:
        lib.add_many(design(p, image=images[i % 20], final=p + ", sm6", seed=i) for i, p in enumerate(prompts))
        assert lib.count() == 14_000 and len(png_files(lib)) == 20
        newest_first = list(reversed(range(14_000)))
        for query in ["chrome", "Chrome SUNSET", "빨간색 해안", "파란", "no1234", "no13999 chrome", "sm6"]:
            expected = [
                i for i in newest_first if all(w in prompts[i].casefold() + " sm6" for w in query.casefold().split())
            ]
            assert lib.count(search=query) == len(expected), query
            page1 = lib.list(search=query, limit=50)
            page2 = lib.list(search=query, limit=50, offset=50)
            assert [d.request.prompt for d in page1 + page2] == [prompts[i] for i in expected[:100]], query


def test_opening_the_library_deletes_for_good_only_what_was_removed_over_a_day_ago(tmp_path):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        old, recent, kept = (lib.add(design(f"design {i}", image=png(70 + i), seed=i)) for i in range(3))
        lib.save_description(old.id, "en", "Removed two days ago.")
        lib.remove(old.id)
        lib.remove(recent.id)
    with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw, raw:
        raw.execute("UPDATE designs SET removed_at = removed_at - 2 * 86400 WHERE id = ?", (old.id,))
    with Library.open(data) as lib:  # a later launch
        with pytest.raises(KeyError):
            lib.restore(old.id)  # gone for good, with its description and its picture
        assert lib.descriptions(old.id) == {} and not Path(old.image_path).exists()
        assert lib.restore(recent.id) == recent and lib.get(kept.id) == kept and lib.count() == 2


def test_a_purge_that_fails_does_not_keep_the_library_from_opening(tmp_path, monkeypatch):
    data = tmp_path / "data"
    with Library.open(data) as lib:
        kept = lib.add(design("still here", seed=1))

    def locked(self, older_than_s=0):
        raise StorageError("The library file is locked by another program.")

    monkeypatch.setattr(Library, "purge_removed", locked)
    with Library.open(data) as lib:  # opens, reads and writes as usual; the purge waits for a later start
        assert lib.get(kept.id) == kept and lib.add(design("made after", seed=2)).request.prompt == "made after"
