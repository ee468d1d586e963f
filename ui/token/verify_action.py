"""The Verify button's work: regenerate the token's image from its metadata off the UI thread, then say how it
compared (pixel-exact on this device, by perceptual hash otherwise) in the view's notice banner.

Verifying waits as long as the regeneration takes (minutes for a big model on a CPU), so it runs on a thread of its
own (`run_long`), never holding a shared worker that quick work (library pages, thumbnails) waits for.

What it says goes into the view-model's `notice` (a callable or the result's Message), so the banner says it again
in another language."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.executors import run_long
from ui.i18n import translate
from ui.tasks import deliver
from ui.token.token_vm import said

Verifier = Callable[[dict, bytes], object]  # (metadata, image bytes) -> app.token.verify.VerifyResult

REGENERATING = QT_TRANSLATE_NOOP("verify_action", "Regenerating the image from the metadata to check it…")
STOPPED = QT_TRANSLATE_NOOP("verify_action", "Verifying stopped because of an unexpected problem. Try again.")


def start_verification(view, verifier: Verifier) -> None:
    draft = view.draft
    if draft is None:
        return
    vm = view.vm
    view.show_verifying(True)
    vm.notice = (lambda: translate("verify_action", REGENERATING), "", "info")

    def done(result) -> None:
        view.show_verifying(False)
        vm.notice = (result.msg, "", "info" if result.verdict != "different" else "warning")

    def failed(error: BaseException) -> None:
        view.show_verifying(False)
        message, details = said(error, lambda: translate("verify_action", STOPPED))
        vm.notice = (message, details, "error")

    deliver(run_long("verify", verifier, draft.metadata, draft.image_bytes), done, failed, view)
