"""A strip above the token's actions saying where its files are: only here, on their way, being pinned, pinned,
or failed with the reason.

Colour never says it alone: the chip has an icon and a word, and a sentence below says what it means and what
happens next.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.token.publish import JobRecord
from ui.i18n import translate
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.card import Card
from ui.widgets.status_chip import StatusChip

# In English here; translated (context "PublishCard") each time they are shown.
LOCAL_ONLY = QT_TRANSLATE_NOOP(
    "PublishCard",
    "The image and metadata are only on this computer. Publish them so the token's ipfs:// addresses work for "
    "everyone.",
)
QUEUED = QT_TRANSLATE_NOOP("PublishCard", "Waiting in the outbox; publishing starts in a moment.")
OFFLINE = QT_TRANSLATE_NOOP(
    "PublishCard",
    "The files are safe in the outbox and go out by themselves once the IPFS service can be reached, even after a "
    "restart.",
)
UPLOADING = QT_TRANSLATE_NOOP(
    "PublishCard", "Uploading the image and metadata and checking that the node stores them under the token's CIDs…"
)
PINNING = QT_TRANSLATE_NOOP(
    "PublishCard", "Uploaded. The pinning service is fetching the files; this can take a few minutes."
)
PINNED = QT_TRANSLATE_NOOP(
    "PublishCard", "Published: anyone can open the image and metadata at the token's ipfs:// addresses."
)

# A CID is one long word: shown whole it cannot wrap and pushes the strip wider than the column.
_LONG_WORD = re.compile(r"[A-Za-z0-9]{32,}")

# state → (chip text in English, chip variant, chip icon)
CHIPS = {
    "local": (QT_TRANSLATE_NOOP("PublishCard", "Local only"), "neutral", "info"),
    "queued": (QT_TRANSLATE_NOOP("PublishCard", "Queued"), "info", "queue"),
    "offline": (QT_TRANSLATE_NOOP("PublishCard", "Waiting for the network"), "warning", "warning"),
    "uploading": (QT_TRANSLATE_NOOP("PublishCard", "Uploading…"), "info", "refresh"),
    "pinning": (QT_TRANSLATE_NOOP("PublishCard", "Pinning…"), "info", "refresh"),
    "pinned": (QT_TRANSLATE_NOOP("PublishCard", "Pinned"), "success", "success"),
    "failed": (QT_TRANSLATE_NOOP("PublishCard", "Failed"), "danger", "error"),
}


def chip(state: str) -> tuple[str, str, str]:
    """CHIPS[state] with its word in the current language."""
    text, variant, icon_name = CHIPS[state]
    return translate("PublishCard", text), variant, icon_name


def describe(job: JobRecord | None, busy: bool, setup_problem: str) -> tuple[str, str]:
    """(state for CHIPS, sentence in the current language) for `job` as the person should read it now."""
    if job is None:
        return "local", translate("PublishCard", LOCAL_ONLY)
    if job.state == "pinned":
        return "pinned", translate("PublishCard", PINNED)
    if job.state == "failed":
        return "failed", str(job.reason) or translate("PublishCard", "Publishing failed.")
    if job.state == "uploading" or (busy and job.state == "local" and not setup_problem):
        return "uploading", translate("PublishCard", UPLOADING)
    if setup_problem:
        return "queued", translate("PublishCard", "Waiting in the outbox. {problem}").format(problem=setup_problem)
    if job.state == "pinning":
        if job.waiting_for_network:
            return "offline", translate("PublishCard", OFFLINE)
        if job.pinning_service_fetching or not job.error:
            return "pinning", translate("PublishCard", PINNING)
        return "pinning", str(job.reason)
    if job.waiting_for_network:
        return "offline", translate("PublishCard", OFFLINE)
    return "queued", translate("PublishCard", QUEUED)


class PublishCard(Card):
    sig_publish = Signal()
    sig_retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent, padding=SPACE_M)
        self.body.setSpacing(SPACE_S)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        title = QLabel("IPFS")
        title.setProperty("role", "emphasis")
        row.addWidget(title)
        self.chip = StatusChip(*chip("local"))
        row.addWidget(self.chip)
        row.addStretch(1)
        self.button = QPushButton()
        self.button.clicked.connect(self._on_clicked)
        row.addWidget(self.button)
        self.add_layout(row)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a node's reason is shown as text, never as markup
        self.text.setWordWrap(True)
        self.text.setProperty("role", "caption")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_widget(self.text)
        self.state = "local"
        self._shown: tuple = (None, False, "", True)  # show_job's arguments, to say them again in another language
        self.show_job(None, busy=False, setup_problem="", can_publish=True)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.button.setToolTip(translate("PublishCard", "Upload the image and metadata to IPFS (set up in Settings)"))
        job, busy, setup_problem, can_publish = self._shown
        self.show_job(job, busy=busy, setup_problem=setup_problem, can_publish=can_publish)

    def show_job(self, job: JobRecord | None, *, busy: bool, setup_problem: str, can_publish: bool) -> None:
        self._shown = (job, busy, setup_problem, can_publish)
        self.state, sentence = describe(job, busy, setup_problem)
        self.chip.set_state(*chip(self.state))
        self.text.setText(_LONG_WORD.sub(lambda m: f"{m[0][:8]}…{m[0][-6:]}", sentence))
        self.text.setToolTip(sentence if self.text.text() != sentence else "")  # the full CIDs, on demand
        self._fit_text()
        self.button.setVisible(self.state in ("local", "failed"))
        failed = self.state == "failed"
        self.button.setText(translate("PublishCard", "Retry") if failed else translate("PublishCard", "Publish"))
        self.button.setEnabled(can_publish or self.state == "failed")

    def _fit_text(self) -> None:
        # The footer is laid out from size hints, which ignore wrapping: reserve the wrapped height explicitly.
        width = self.text.width() if self.text.width() > 0 else self.width() - 2 * SPACE_M
        self.text.setMinimumHeight(self.text.heightForWidth(max(width, 1)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def _on_clicked(self) -> None:
        (self.sig_retry if self.state == "failed" else self.sig_publish).emit()
