"""Explicit name -> item registries, as used for check kinds and output formats."""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

Item = TypeVar("Item")


def build_registry(items: Iterable[Item], name_of: Callable[[Item], str], what: str) -> dict[str, Item]:
    """A dict keyed by name; registering one name twice is a programming error."""
    registry: dict[str, Item] = {}
    for item in items:
        name = name_of(item)
        if name in registry:
            raise ValueError(f"{what} '{name}' registered twice")
        registry[name] = item
    return registry
