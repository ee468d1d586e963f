"""Build resources/fonts/: Noto Sans KR Regular and Bold, subset to what the app shows, with the OFL licence.

Many machines and kiosks have no Korean font, so Hangul would render as empty boxes (STYLE.md: "Korean text
in Noto Sans KR, ship it in resources/fonts/"). This script:

1. downloads Debian's `fonts-noto-cjk` package with `apt-get download` into a temporary folder (nothing is
   installed system-wide) and unpacks it there with `dpkg -x`;
2. takes the "Noto Sans CJK KR" face out of NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc (the face index
   is found by name, not hard-coded);
3. subsets each face with fontTools to Hangul (syllables, Jamo, compatibility Jamo), Basic Latin, Latin-1,
   general punctuation, CJK symbols and punctuation and fullwidth forms, keeping every OpenType feature
   and the name table;
4. renames the family to "Noto Sans KR" (ui/theme.py's KOREAN_FALLBACK_FAMILY), so Regular and Bold are one
   family with two weights, and writes NotoSansKR-Regular.otf / NotoSansKR-Bold.otf (CFF outlines);
5. writes OFL.txt (from the package's debian/copyright) and README.md (package version, how it was built).

Requirements: a Debian/Ubuntu host with `apt-get` and `dpkg` (run `apt-get update` first if the package
lists are empty), and fontTools importable (`pip install fonttools` in any venv; the app itself does not
need it). Rerunnable: the output is the same bytes every time for the same package version (font
timestamps are kept from the source, not set to now).

    python packaging/build_fonts.py [--out resources/fonts] [--deb path/to/fonts-noto-cjk_*.deb]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "resources" / "fonts"

PACKAGE = "fonts-noto-cjk"
TTC_DIR = "usr/share/fonts/opentype/noto"
COPYRIGHT_FILE = f"usr/share/doc/{PACKAGE}/copyright"
SOURCE_FAMILY = "Noto Sans CJK KR"
FAMILY = "Noto Sans KR"
PS_FAMILY = "NotoSansKR"
WEIGHTS = ("Regular", "Bold")

# (first, last) code points, inclusive.
UNICODE_RANGES: list[tuple[int, int, str]] = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x1100, 0x11FF, "Hangul Jamo"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x3130, 0x318F, "Hangul Compatibility Jamo"),
    (0xAC00, 0xD7A3, "Hangul Syllables"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
]


def unicodes() -> list[int]:
    return [cp for first, last, _ in UNICODE_RANGES for cp in range(first, last + 1)]


def download_package(workdir: Path) -> Path:
    """`apt-get download` the package into `workdir`; returns the .deb path."""
    # apt drops to the _apt user for downloads; let it write here so it doesn't warn about an unsandboxed fetch.
    workdir.chmod(0o777)
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    debs = sorted(workdir.glob(f"{PACKAGE}_*.deb"))
    if not debs:
        raise SystemExit(f"apt-get download left no {PACKAGE}_*.deb in {workdir} (run `apt-get update` first?)")
    return debs[-1]


def package_version(deb: Path) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()


def face_index(ttc: Path, family: str) -> int:
    """Index of the face whose family name (name ID 1) is `family` in the collection `ttc`."""
    index = 0
    while True:
        try:
            font = TTFont(ttc, fontNumber=index, lazy=True)
        except IndexError:
            break
        try:
            if font["name"].getDebugName(1) == family:
                return index
        finally:
            font.close()
        index += 1
    raise SystemExit(f"no face named {family!r} in {ttc}")


def subset_options() -> subset.Options:
    options = subset.Options()
    options.layout_features = ["*"]  # keep ljmo/vjmo/tjmo (Jamo composition), kern, locl, vert, ...
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    return options


def rename(font: TTFont, weight: str) -> None:
    """Family "Noto Sans KR", style `weight`: names in every language, and the CFF PostScript name."""
    ps_name = f"{PS_FAMILY}-{weight}"
    full_name = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    name = font["name"]
    old_version = name.getDebugName(5) or ""
    version = re.match(r"Version ([0-9.]+)", old_version)
    unique = f"{version.group(1) if version else '0'};GOOG;{ps_name};subset"
    for record in name.names:
        new = {1: FAMILY, 3: unique, 4: full_name, 6: ps_name, 16: FAMILY, 17: weight}.get(record.nameID)
        if new is not None:
            record.string = new
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    for attr, value in (("FullName", full_name), ("FamilyName", FAMILY)):
        if hasattr(top, attr):
            setattr(top, attr, value)


def build_face(ttc: Path, weight: str, out: Path) -> Path:
    index = face_index(ttc, SOURCE_FAMILY)
    font = TTFont(ttc, fontNumber=index, recalcTimestamp=False)
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    rename(font, weight)
    target = out / f"{PS_FAMILY}-{weight}.otf"
    font.save(target)
    font.close()
    print(
        f"{target.relative_to(REPO_ROOT) if target.is_relative_to(REPO_ROOT) else target}: "
        f"face {index} of {ttc.name}, {target.stat().st_size / 1e6:.2f} MB"
    )
    return target


def ofl_text(copyright_file: Path, font_copyright: str) -> str:
    """The SIL OFL 1.1 text from the Debian copyright file, with the font's own copyright notice above it."""
    text = copyright_file.read_text("utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"no 'License: SIL-1.1' paragraph in {copyright_file}")
    lines = [line[1:] for line in match.group(1).splitlines()]
    body = "\n".join("" if line == "." else line for line in lines).strip("\n")
    return (
        f"Noto Sans CJK (here subset and renamed to {FAMILY})\n"
        f"{font_copyright}\n"
        "Noto is a trademark of Google Inc.\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at: https://openfontlicense.org\n\n"
        f"{body}\n"
    )


def readme_text(version: str, sizes: dict[str, int], mapped: int) -> str:
    ranges = "\n".join(f"- U+{first:04X}–{last:04X} {label}" for first, last, label in UNICODE_RANGES)
    files = "\n".join(f"- `{name}` ({size / 1e6:.2f} MB)" for name, size in sizes.items())
    return f"""# Bundled fonts

{FAMILY}, Regular and Bold, for Korean text on machines without a Korean font (STYLE.md: "Korean text in
Noto Sans KR"). `ui/fonts.py` registers every font file in this folder at start-up, and `ui/theme.py`
lists "{FAMILY}" as the fallback family of the app font, so Hangul is drawn with it whatever the system
UI font is.

{files}
- `OFL.txt`: the SIL Open Font License 1.1, under which these files are distributed.

## Source

The "{SOURCE_FAMILY}" face (Regular and Bold) of Noto Sans CJK, from the Debian package `{PACKAGE}`
version `{version}` (`NotoSansCJK-Regular.ttc`, `NotoSansCJK-Bold.ttc`; upstream
https://github.com/notofonts/noto-cjk). The licence text is the package's `debian/copyright`.

## How they were made

`packaging/build_fonts.py` (rerun it to rebuild; it needs apt-get, dpkg and fontTools) downloads the
package with `apt-get download`, unpacks it with `dpkg -x` in a temporary folder, picks the
"{SOURCE_FAMILY}" face of each collection by name and subsets it with fontTools to these blocks
({mapped:,} code points: every one of them the font has; it lacks a few spaces and format controls
of General Punctuation):

{ranges}

keeping every OpenType layout feature (Jamo composition, kerning, vertical forms), hinting and the whole
name table. The family is renamed from "{SOURCE_FAMILY}" to "{FAMILY}" (PostScript names
`{PS_FAMILY}-Regular`, `{PS_FAMILY}-Bold`) so both weights form one family. Hanja (CJK ideographs),
kana and other scripts are left out; text in them falls back to the system's fonts.
"""


def build(out: Path, deb: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sm6-fonts-") as tmp:
        work = Path(tmp)
        deb = deb.resolve() if deb else download_package(work)
        version = package_version(deb)
        root = work / "root"
        subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
        sizes: dict[str, int] = {}
        for weight in WEIGHTS:
            target = build_face(root / TTC_DIR / f"NotoSansCJK-{weight}.ttc", weight, out)
            sizes[target.name] = target.stat().st_size
        regular = TTFont(out / f"{PS_FAMILY}-Regular.otf", lazy=True)
        font_copyright = regular["name"].getDebugName(0) or "© 2014-2021 Adobe (http://www.adobe.com/)."
        mapped = len(regular.getBestCmap())
        regular.close()
        (out / "OFL.txt").write_text(ofl_text(root / COPYRIGHT_FILE, font_copyright), "utf-8")
        (out / "README.md").write_text(readme_text(version, sizes, mapped), "utf-8")
    print(f"{PACKAGE} {version} -> {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: resources/fonts)")
    parser.add_argument("--deb", type=Path, help=f"use this {PACKAGE} .deb instead of downloading one")
    args = parser.parse_args(argv)
    build(args.out, args.deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
