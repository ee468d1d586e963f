"""Words a shared widget shows on its owner's behalf, in whichever language is current.

An owner passes either a str, which it re-sets itself when the language changes, or a callable such as
`lambda: translate("LibraryView", "Library")`, which the widget asks again at every language change, so the owner
needs no code of its own for it.
"""

from __future__ import annotations

from typing import Callable

Words = str | Callable[[], str]


def said(words: "Words | None") -> str:
    """The words as they read now (a core Message or Msg is said in the current language too)."""
    if words is None:
        return ""
    return str(words() if callable(words) else words)
