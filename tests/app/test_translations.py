"""Every word a person reads is translated: the window's strings go through `translate()` (ui/i18n.py), every
translation file is complete, the checked-in .qm files are built from the .ts files as they are, and every core
message id has its Korean sentence with the same placeholders."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]
# Calls whose string arguments are never shown to a person (names, keys, style sheets, log lines).
NOT_SHOWN = {
    "translate",
    "QT_TRANSLATE_NOOP",
    "setObjectName",
    "setProperty",
    "property",
    "objectName",
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "critical",
    "getattr",
    "setattr",
    "hasattr",
    "Signal",
    "Slot",
    "setStyleSheet",
    "QFont",
    "setFamily",
    "setFamilies",
    "addApplicationFont",
    "QSettings",
    "value",
    "setValue",
    "icon",
    "QIcon",
    "startswith",
    "endswith",
    "replace",
    "split",
    "join",
    "format",
    "strftime",
    "strptime",
    "get",
    "pop",
    "setdefault",
    "run_in_background",
    "run",
    "Path",
    "open",
    "resource",
    "findChild",
    "findChildren",
    "fromTheme",
    "QColor",
    "setAccessibleName",
    "setAccessibleDescription",  # read aloud: translated too, checked separately when used
}
NOT_SHOWN -= {"setAccessibleName", "setAccessibleDescription"}
_WORDY = re.compile(r"^[^\W\d_][\w'’]*(?:[\s,.!?…:;()\-–—/'’\"%·]+[\w'’{}]*)*[.!?…:]?$")
MARKER = "# i18n: not shown"


def _shown_words(text: str) -> bool:
    """Does this literal read as words (a label, a sentence), rather than an id, a path, a style or a format?"""
    if re.search(r"{[^{}]*[\s:;][^{}]*}", text):  # a style sheet's block, not a placeholder
        return False
    plain = re.sub(r"{[^{}]*}", "x", text).strip()
    if len(plain) < 2 or not _WORDY.match(plain):
        return False
    if " " in plain:
        return True
    return plain[0].isupper() and any(c.islower() for c in plain[1:]) and not any(c.isupper() for c in plain[1:])


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def untranslated(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Call) and _call_name(node) in NOT_SHOWN:
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Compare):  # `if state == "Ready"`: a comparison, not a word shown
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Dict):  # keys name things; values are checked
            skip.update(id(k) for k in node.keys if k is not None)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if _shown_words(node.value) and MARKER not in lines[node.lineno - 1]:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


@pytest.mark.parametrize("package", sorted(tool.ui_packages()))
def test_every_word_in_the_window_goes_through_translate(package):
    found = [line for f in tool.ui_packages()[package] for line in untranslated(f)]
    assert not found, f"{len(found)} strings are shown untranslated (wrap in translate(), or mark {MARKER!r}):\n" + (
        "\n".join(found)
    )


def test_no_view_uses_self_tr():
    """`self.tr` looks words up under the class an object *is*: a subclass would read English."""
    offenders = [
        f"{f.relative_to(ROOT)}:{n.lineno}"
        for files in tool.ui_packages().values()
        for f in files
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "tr"
    ]
    assert not offenders, offenders


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translation_is_finished(lang):
    problems = [p for p in tool.problems() if f"/{lang}/" in p or p.startswith(f"{lang}:")]
    assert not problems, f"{len(problems)} strings untranslated or unfinished:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("lang", TRANSLATED)
def test_core_translations_keep_every_placeholder(lang):
    catalogue = tool.load_catalogue()
    wrong = []
    for path in sorted((i18n.i18n_dir() / lang).glob("core_*.ts")):
        for m in i18n.read_ts(path):
            if m.comment in catalogue and i18n.placeholders(m.translation) != i18n.placeholders(catalogue[m.comment]):
                wrong.append(f"{m.comment}: {m.translation!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_window_translations_keep_every_placeholder(lang):
    wrong = [
        f"{m.context}: {m.source!r} → {m.translation!r}"
        for path in sorted((i18n.i18n_dir() / lang).glob("ui_*.ts"))
        for m in i18n.read_ts(path)
        if m.translation and i18n.placeholders(m.translation) != i18n.placeholders(m.source)
    ]
    assert not wrong, "\n".join(wrong)


def test_translation_files_list_every_string_in_the_code(tmp_path):
    """lupdate run now finds no string the checked-in .ts files lack (they were updated with the code)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    for name, files in tool.ui_packages().items():
        checked_in = i18n.i18n_dir() / TRANSLATED[0] / f"ui_{name}.ts"
        fresh = tmp_path / checked_in.name
        shutil.copy(checked_in, fresh)
        subprocess.run(
            [str(lupdate), *map(str, files), "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
            check=True,
            capture_output=True,
        )
        before = {(m.context, m.source, m.comment) for m in i18n.read_ts(checked_in)}
        after = {(m.context, m.source, m.comment) for m in i18n.read_ts(fresh)}
        assert after == before, f"{checked_in.name} is behind the code: run scripts/i18n.py update ({after ^ before})"


def test_checked_in_qm_files_are_built_from_the_ts_files(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for lang in TRANSLATED:
        sources = sorted((i18n.i18n_dir() / lang).glob("ui_*.ts"))
        built = tmp_path / f"ui_{lang}.qm"
        subprocess.run([str(lrelease), "-silent", *map(str, sources), "-qm", str(built)], check=True)
        assert built.read_bytes() == (i18n.i18n_dir() / built.name).read_bytes(), "run scripts/i18n.py release"
