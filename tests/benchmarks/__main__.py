"""`python -m tests.benchmarks [startup engine responsiveness cancel mint sandbox]`: prints each figure as a ratio.

Run on their own, by name, as they take minutes: `gpu`, `kiosk` (the kiosk soak: 500 visitors through the guided
flow; privacy, exactly-once mints, memory), `library` (the Library grid at 100,000 designs), `safety` (the picture
check: false positives on the app's own pictures, time per picture), `curation` (issue 17 at 100,000 submissions;
options after the name: `curation --only gallery,scoring --n 10000`), `turbo` (the kiosk's CPU path: one-step
turbo at 512² end to end against one bare UNet forward; builds 4 GB of random SD 1.5 weights once into
/tmp/sm6-bench-cache), `live` (live mode's frame time at 256² with the demo model, and frames dropped), `fleet`
(N simulated kiosks against one Ray Serve generation server on this machine, against the local engine; options:
`fleet --kiosks 4 --images 5 --replicas 1,2 --passes 1,4`). `responsiveness --gc` times the full collection run
when a model is freed, with the libraries frozen (app/gc_pauses.py) against unfrozen, in the same window."""

from __future__ import annotations

import importlib
import sys

ALL = ("startup", "engine", "responsiveness", "cancel", "mint", "sandbox")
BY_NAME_ONLY = ("gpu", "kiosk", "library", "safety", "curation", "turbo", "live", "fleet")


def main(argv: list[str]) -> int:
    cut = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    names, options = argv[:cut] or list(ALL), argv[cut:]  # options go to the benchmark named last
    for name in names:
        if name not in ALL and name not in BY_NAME_ONLY:
            print(f"unknown benchmark {name!r}; choose from {', '.join(ALL + BY_NAME_ONLY)}", file=sys.stderr)
            return 2
    for name in names:
        module = importlib.import_module(f"tests.benchmarks.bench_{name}")
        module.run(options) if options and name == names[-1] else module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
