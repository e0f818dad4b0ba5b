"""Lazy package attributes: a package names its public API without importing it, so that
`import qa` (and `qa --help`) stays fast."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_attributes(api: dict[str, str], package: str) -> Callable[[str], object]:
    """A module-level __getattr__ resolving each name of api from its module on first use."""

    def __getattr__(name: str) -> object:
        if name in api:
            return getattr(importlib.import_module(api[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
