"""Keeps Python's recursion limit where the interpreter set it, whatever the Ethereum libraries do on import.

py-evm (`eth`) and py_ecc raise the limit to 12,288 and 100,000 when they are imported, for deep EVM call
stacks this app never makes. With the limit that high, C code that recurses per nesting level (the json
decoder, repr of nested lists) overflows the C stack on hostile input and the process dies with a segfault
instead of raising RecursionError. Installed once from `app/__init__.py`, before anything imports them.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

WATCHED = frozenset({"eth", "py_ecc"})
LIMIT = sys.getrecursionlimit()


class _KeepLimitLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module) -> None:
        try:
            self._inner.exec_module(module)
        finally:
            sys.setrecursionlimit(LIMIT)

    def __getattr__(self, name):  # get_resource_reader, is_package, get_source…: the real loader's
        return getattr(self._inner, name)


class _KeepLimitFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in WATCHED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _KeepLimitLoader(spec.loader)
        return spec


def install() -> None:
    if not any(isinstance(f, _KeepLimitFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _KeepLimitFinder())
    sys.setrecursionlimit(LIMIT)
