"""Stable partition of school folders into shards, so a big audit can run as parallel CI jobs.

A folder's shard depends only on its name (a hash), not on which other folders exist, so
adding a school never moves the others between shards.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from policycheck.errors import UsageError

_FORM = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count`, counted from 1 (`--shard 2/4`)."""

    index: int
    count: int

    @classmethod
    def parse(cls, value: str) -> "Shard":
        match = _FORM.match(value.strip())
        if not match or not 1 <= int(match[1]) <= int(match[2]):
            raise UsageError(f"--shard must be i/n with 1 <= i <= n (e.g. 2/4), not '{value}'")
        return cls(int(match[1]), int(match[2]))

    def contains(self, folder: str) -> bool:
        digest = hashlib.sha256(folder.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
