"""The Verify button's work: regenerate the token's image from its metadata off the UI thread, then say how it
compared (pixel-exact on this device, by perceptual hash otherwise) in the view's notice banner.

Verifying waits as long as the regeneration takes (minutes for a big model on a CPU), so it runs on a thread of its
own (`run_long`), never holding a shared worker that quick work (library pages, thumbnails) waits for."""

from __future__ import annotations

from typing import Callable

from app.executors import run_long
from ui.tasks import deliver
from ui.widgets.error_banner import plain_words

Verifier = Callable[[dict, bytes], object]  # (metadata, image bytes) -> app.token.verify.VerifyResult


def start_verification(view, verifier: Verifier) -> None:
    draft = view.draft
    if draft is None:
        return
    button = view.verify_button
    button.setEnabled(False)
    button.setText("Verifying…")
    view.notice.show_message("Regenerating the image from the metadata to check it…", severity="info")

    def finished() -> None:
        button.setEnabled(True)
        button.setText("Verify")

    def done(result) -> None:
        finished()
        view.notice.show_message(result.message, severity="info" if result.verdict != "different" else "warning")

    def failed(error: BaseException) -> None:
        finished()
        message, details = plain_words(error, "Verifying stopped because of an unexpected problem. Try again.")
        view.notice.show_message(message, details, severity="error")

    deliver(run_long("verify", verifier, draft.metadata, draft.image_bytes), done, failed, view)
