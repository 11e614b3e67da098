"""Settings of a whole process that runs checks: the command line, and each audit worker.

CPython's cyclic garbage collector looks over its youngest objects every 700 new container
objects (more allocated than freed). A log check makes container objects by the hundred
thousand (an event is a tuple) and almost never a cycle, and each look also walks the
events that wait for their pair in `reply_within`: at one million events that was about
150 young and one full collection, some 45 ms (docs/performance.md). A young threshold of
`YOUNG_THRESHOLD` makes that about one pass, and freezing what is loaded before the work
(modules, the pack) keeps the full collections from walking it again. Both concern only
reference cycles, which our code does not make: memory is freed as before, by reference
counts. A library caller's process is its own to set; only the process entry points call this.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000  # container objects allocated (net) between young collections; CPython's default is 700


def settle_process() -> None:
    """Freeze what the process has loaded so far and raise the young generation's threshold."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
