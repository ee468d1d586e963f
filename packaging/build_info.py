"""Writes the build description a package carries (resources/build.json inside it): which flavour it is (CPU or
CUDA torch), what made it and when. `sm6-studio doctor` and the About box read it (app/build_info.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flavor", choices=("cpu", "cuda"), required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    import torch  # the torch this bundle will carry: its build must be the flavour asked for

    cuda = torch.version.cuda or ""
    if (args.flavor == "cuda") != bool(cuda):
        raise SystemExit(
            f"build_info: a {args.flavor} build needs torch's {args.flavor.upper()} build, but torch "
            f"{torch.__version__} is {'a CUDA' if cuda else 'the CPU'} build (see SM6_TORCH_INDEX in build.sh)"
        )
    info = {
        "flavor": args.flavor,
        "version": md.version("sm6-studio"),
        "torch": torch.__version__,
        "cuda": cuda,
        "packager": f"PyInstaller {md.version('pyinstaller')}",
        "platform": f"{platform.system().lower()}-{platform.machine().lower()}",
        "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "commit": _commit(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info))


if __name__ == "__main__":
    main()
