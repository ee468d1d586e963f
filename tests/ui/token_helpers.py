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


def open_token_view(qtbot, library, design, prepare=None):
    """The Token view on `design`, shown at its size on a 1280×800 screen, once its token is on screen. `prepare`
    gets the view before it shows anything (to wire what the app wires, such as the publish queue)."""
    view = token_view_for(library)
    qtbot.addWidget(view)
    if prepare is not None:
        prepare(view)
    view.resize(1192, 770)
    view.set_design(design)
    view.show()
    qtbot.waitExposed(view)
    token_ready(qtbot, view)
    return view
