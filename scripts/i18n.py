"""Keep the translation files in step with the code: `python scripts/i18n.py update|release|check`.

update   the window's strings: pyside6-lupdate, one file per ui package (resources/i18n/<lang>/ui_<package>.ts);
         the core's messages: every id in app.messages.CATALOGUE, one file per group of ids (core_<group>.ts).
         Translations already made are kept; a changed English sentence marks its translation unfinished.
release  compiles the window's files of each language into resources/i18n/ui_<lang>.qm (checked in).
check    exits 1, listing them, when a string is untranslated or unfinished (tests/app/test_translations.py
         checks the same, and that the .qm files are fresh).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import i18n, messages  # noqa: E402

TRANSLATED = tuple(lang for lang in i18n.LANGUAGES if lang != "en")
BIN = Path(sys.executable).parent
# Core message ids by their first part; an id whose first part is not listed goes to core_app.ts.
CORE_GROUPS: dict[str, tuple[str, ...]] = {
    "chain": ("wallet", "chain", "send", "keys"),
    "generation": ("model", "generation"),
    "token": ("publish", "token"),
    "describe": ("describe",),
    "library": ("library", "storage"),
    "showroom": ("kiosk", "staff", "safety", "visitor"),
    "curation": ("curation", "campaign", "judging", "payout"),
}


def ui_packages() -> dict[str, list[Path]]:
    """ui_<name>.ts → the Python files it is made from: each ui package, and `shell` for ui/*.py."""
    out = {"shell": sorted((ROOT / "ui").glob("*.py"))}
    for package in sorted(p for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists()):
        out[package.name] = sorted(package.rglob("*.py"))
    return out


def load_catalogue() -> dict[str, str]:
    import app

    for module in pkgutil.walk_packages(app.__path__, "app."):
        importlib.import_module(module.name)
    # Only the app's own messages: a test that made a Msg of its own in this process is not something to translate.
    return {k: v for k, v in messages.CATALOGUE.items() if messages.DEFINED_IN.get(k, "").startswith("app.")}


def core_group(message_id: str) -> str:
    head = message_id.split(".", 1)[0]
    return next((group for group, heads in CORE_GROUPS.items() if head in heads), "app")


def update() -> None:
    for lang in TRANSLATED:
        folder = i18n.i18n_dir() / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, files in ui_packages().items():
            ts = folder / f"ui_{name}.ts"
            cmd = [str(BIN / "pyside6-lupdate"), *map(str, files), "-no-obsolete", "-locations", "none"]
            subprocess.run([*cmd, "-target-language", _qt_language(lang), "-ts", str(ts)], check=True)
        _update_core(lang, folder, load_catalogue())


def _update_core(lang: str, folder: Path, catalogue: dict[str, str]) -> None:
    old: dict[str, i18n.TsMessage] = {}
    for path in folder.glob("core_*.ts"):
        old.update({m.comment: m for m in i18n.read_ts(path)})
    groups: dict[str, list[str]] = {}
    for message_id in sorted(catalogue):
        groups.setdefault(core_group(message_id), []).append(message_id)
    for group, ids in groups.items():
        rows = []
        for message_id in ids:
            source = catalogue[message_id]
            before = old.get(message_id)
            text = before.translation if before else ""
            finished = bool(before and text and not before.kind and before.source == source)
            kind = "" if finished else ' type="unfinished"'
            rows.append(
                "    <message>\n"
                f"        <source>{escape(source)}</source>\n"
                f"        <comment>{escape(message_id)}</comment>\n"
                f"        <translation{kind}>{escape(text)}</translation>\n"
                "    </message>\n"
            )
        body = "".join(rows)
        (folder / f"core_{group}.ts").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            f'<TS version="2.1" language="{_qt_language(lang)}" sourcelanguage="en">\n'
            f"<context>\n    <name>core.{group}</name>\n{body}</context>\n</TS>\n",
            encoding="utf-8",
        )


def release() -> None:
    for lang in TRANSLATED:
        sources = sorted((i18n.i18n_dir() / lang).glob("ui_*.ts"))
        qm = i18n.i18n_dir() / f"ui_{lang}.qm"
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", *map(str, sources), "-qm", str(qm)], check=True)


def problems() -> list[str]:
    out = []
    catalogue = load_catalogue()
    for lang in TRANSLATED:
        folder = i18n.i18n_dir() / lang
        core_ids = set()
        for path in sorted(folder.glob("*.ts")):
            for m in i18n.read_ts(path):
                if path.name.startswith("core_"):
                    core_ids.add(m.comment)
                if m.kind or not (m.translation.strip() or any(f.strip() for f in m.numerus)):
                    out.append(f"{path.relative_to(ROOT)}: {m.context}: {m.source!r} is {m.kind or 'untranslated'}")
        out += [f"{lang}: core message {i} has no translation file entry" for i in sorted(set(catalogue) - core_ids)]
    return out


def _qt_language(lang: str) -> str:
    return {"ko": "ko_KR"}.get(lang, lang)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("update", "release", "check"))
    command = parser.parse_args(argv).command
    if command == "update":
        update()
    elif command == "release":
        release()
    else:
        found = problems()
        print("\n".join(found) or "every string is translated")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
