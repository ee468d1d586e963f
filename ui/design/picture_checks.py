"""The gate before a design's picture is used (a token, a mint). The checks themselves live in
ui/widgets/picture_checks.py, shared with the Library; PictureChecks and PictureState are imported from here too."""

from __future__ import annotations

from typing import Callable

from app.messages import Message
from ui.widgets.picture_checks import PictureChecks, PictureState


def when_allowed(checks: PictureChecks | None, design, then: Callable[[], None], refused: Callable[[Message], None]):
    """Run `then()` once `design`'s picture may be used (now, or when its check arrives); else `refused(message)`.

    The one gate before a design becomes a token or a mint (the controller calls it where the studio hands a design
    to Token and where a mint is asked for)."""
    if checks is None or checks.state(design) is PictureState.FREE:
        then()
        return

    def decide(*_args) -> None:
        state = checks.state(design)
        if state is PictureState.CHECKING:
            return
        checks.checked.disconnect(decide)
        if state is PictureState.ALLOWED:
            then()
        else:
            refused(checks.message(design))

    checks.checked.connect(decide)
    decide()
