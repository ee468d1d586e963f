"""Waiting for the Token workspace: its token is assembled off the UI thread, so a test that set a design, a
language or a profile waits for that token before it reads or clicks anything."""

from __future__ import annotations

WAIT_MS = 20_000


def token_view_for(library, **kwargs):
    """A Token view on `library` as the app builds it: the view bound to its own view-model."""
    from ui.token.token_view import TokenView
    from ui.token.token_vm import TokenViewModel

    return TokenView(TokenViewModel(library, **kwargs))


def token_ready(qtbot, view, timeout: int = WAIT_MS) -> None:
    """Until the token asked for last is on screen (or its problem is): nothing is being assembled any more."""
    qtbot.waitUntil(lambda: not view.vm.loading, timeout=timeout)
