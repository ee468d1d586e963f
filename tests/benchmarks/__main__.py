"""`python -m tests.benchmarks [startup engine responsiveness cancel mint]`: prints each figure as a ratio."""

from __future__ import annotations

import importlib
import sys

ALL = ("startup", "engine", "responsiveness", "cancel", "mint")


def main(argv: list[str]) -> int:
    names = argv or list(ALL)
    for name in names:
        if name not in ALL and name != "gpu":
            print(f"unknown benchmark {name!r}; choose from {', '.join(ALL)} or gpu", file=sys.stderr)
            return 2
        importlib.import_module(f"tests.benchmarks.bench_{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
