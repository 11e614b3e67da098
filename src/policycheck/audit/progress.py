"""A progress bar on stderr, only for a person watching (a TTY, and not in CI)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

WIDTH = 30


class Progress:
    """Counts finished schools; draws only when `enabled` (by default: stderr is a TTY and CI is unset)."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI") if enabled is None else enabled
        self.total = self.done = 0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0

    def advance(self) -> None:
        self.done += 1
        if self.enabled and self.total:
            filled = WIDTH * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\n")
            self.stream.flush()
