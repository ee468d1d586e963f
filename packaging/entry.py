"""What the packaged program runs: the same `sm6-studio` entry point as a source install."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The curation's duplicate finder starts worker processes; in a bundle they re-run this program, and this call
    # turns those runs into workers instead of second copies of the app.
    multiprocessing.freeze_support()
    from ui.entry import main

    sys.exit(main())
