"""The steps every wallet transaction takes on screen: the request, "What will be signed", then progress to the
receipt. Nothing is signed before "Confirm"; the transaction shown is the one signed. The chain service does the
slow parts on its worker thread, so the dialog never blocks.

The review always shows what the form says now: the request is read from the form when the review is asked for,
a review that arrives after the form changed is asked for again, and Confirm with a form changed since the review
signs nothing and reviews the new values instead. "Back" returns from the review to the form.

Subclasses (mint, send) provide the request card, the quote to ask for, the rows to review and the result words.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from ui.i18n import Retranslating, translate
from ui.tasks import deliver as watch
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme
from ui.wallet.review import fee_rows, fill_review
from ui.wallet.words import network_label
from ui.widgets.card import Card
from ui.widgets.copy_field import address_stylesheet
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.status_chip import StatusChip

log = logging.getLogger(__name__)

DIALOG_WIDTH = 640
IN_FLIGHT = ("signed", "sent")
FORM_CHANGED = QT_TRANSLATE_NOOP(
    "TransactionDialog",
    "The form was changed after the review, so nothing was signed. Check this new review, then confirm.",
)
CHECKING = QT_TRANSLATE_NOOP("TransactionDialog", "Checking the network and estimating the fee…")
SIGNING = QT_TRANSLATE_NOOP("TransactionDialog", "Signing, sending and waiting for the receipt…")
GETTING_TEST_KAIA = QT_TRANSLATE_NOOP("TransactionDialog", "Getting test KAIA…")


class TransactionDialog(Retranslating, QDialog):
    sig_finished = Signal(object)  # the record, once its receipt says it landed
    # Words a subclass words its own way, each a whole sentence (a translation may need another word order):
    # English marked with QT_TRANSLATE_NOOP under the subclass's name, said through `_say`.
    confirm_text = QT_TRANSLATE_NOOP("TransactionDialog", "Confirm")
    busy_text = QT_TRANSLATE_NOOP("TransactionDialog", "Sending…")
    bad_input_text = QT_TRANSLATE_NOOP(
        "TransactionDialog", "The transaction cannot be prepared as entered. Check the values, then try again."
    )
    on_its_way_text = QT_TRANSLATE_NOOP(
        "TransactionDialog", "This transaction is already on its way: waiting for its receipt…"
    )
    not_through_text = QT_TRANSLATE_NOOP("TransactionDialog", "The transaction did not go through.")
    app_problem_text = QT_TRANSLATE_NOOP(
        "TransactionDialog",
        "The transaction could not be prepared because of a problem in the app. Nothing was signed unless Activity "
        "shows it. Try again; if it keeps happening, copy the details for support.",
    )
    what = "transaction"  # for the log

    def __init__(self, service, address: str, parent: QWidget | None = None, network=None) -> None:
        super().__init__(parent)
        self.service = service
        self.address = address  # the wallet account that signs
        self.network = network  # the network in use when known (app.chain.networks.Network): the sandbox offers help
        self.quote = None
        self.record = None
        self._quoted_request = None  # the form's request that self.quote (or the one on its way) was made for
        self._bad_field: QWidget | None = None  # the field the latest refused request found wrong
        self._progress = ""  # the English of the progress line ("" for none), said in the language of the moment
        self.setMinimumWidth(DIALOG_WIDTH)
        # A child timer, not QTimer.singleShot(0, self, …): PySide keeps a single shot's callable (so this whole
        # dialog) for ever when the dialog is deleted before it fires.
        self._fit_timer = QTimer(self, singleShot=True, interval=0, timeout=self._fit)

    # --- for subclasses ---

    def _build_head(self, lay: QVBoxLayout) -> None:
        raise NotImplementedError

    def _build_request(self) -> Card:
        raise NotImplementedError

    def _request(self):
        """What the form asks for, parsed and comparable (a tuple, an address): ValueError (InputError, in plain
        words) for bad input. Read each field through `_field` so the cursor can go to the one to correct."""
        raise NotImplementedError

    def _say(self, source: str) -> str:
        """`source` (English marked for this class or TransactionDialog) in the person's language."""
        for context in (type(self).__name__, "TransactionDialog"):
            words = translate(context, source)
            if words != source:
                return words
        return source

    def _sayer(self, words):
        """A callable that says `words` (English marked for `_say`, or already a callable) in the language of the
        moment: the banner asks it again when the language changes."""
        return words if callable(words) else lambda: self._say(words)

    def _set_progress(self, source: str) -> None:
        self._progress = source
        self.progress.setText(self._say(source) if source else "")

    def retranslate(self) -> None:
        """The fixed words; then the state's words (step, progress, review, result) said again."""
        self.review_box.set_title(translate("TransactionDialog", "What will be signed"))
        self.tx_link.setText(translate("TransactionDialog", "View transaction"))
        self.back_button.setText(translate("TransactionDialog", "Back"))
        self.back_button.setToolTip(translate("TransactionDialog", "Change the request; nothing is signed"))
        self._say_step()
        self._set_progress(self._progress)
        if self.quote is not None:
            self.network_chip.set_text(network_label(self.quote.network))
            if self.step in ("review", "sending"):
                fill_review(self.review, [*self._review_rows(self.quote), *fee_rows(self.quote)])
        if self.step == "done" and self.record is not None:
            self._say_result()

    def _field(self, widget: QWidget, parse, *args, **kwargs):
        try:
            return parse(*args, **kwargs)
        except ValueError:
            self._bad_field = widget
            raise

    def _quote_future(self, request):
        """The service call that builds the transaction for `request`."""
        raise NotImplementedError

    def _review_warning(self, quote):
        """A sentence the person should read before confirming, or "": as (words, (button words, callback)) when
        there is something to do about it right there. Words are English marked for `_say`, or a callable that
        says them (a sentence with values)."""
        return ""

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _result(self, record) -> tuple[str, str, list[tuple[QPushButton, str]]]:
        """(title, sentence, [(link button, url)]) for a record that landed."""
        raise NotImplementedError

    # --- layout ---

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        lay.setSpacing(SPACE_L)
        self._build_head(lay)
        self.request_box = self._build_request()
        lay.addWidget(self.request_box)

        self.review_box = Card(" ")
        self.review = QGridLayout()
        self.review.setHorizontalSpacing(SPACE_M)
        self.review.setVerticalSpacing(SPACE_S)
        self.review.setColumnStretch(1, 1)
        self.review_box.add_layout(self.review)
        lay.addWidget(self.review_box)

        self.result_box = Card(" ")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_box.add_widget(self.result_text)
        self.links = QHBoxLayout()
        self.links.addStretch(1)  # links line up on the left, before it
        self.tx_link = self._link_button()
        self.result_box.add_layout(self.links)
        lay.addWidget(self.result_box)

        self.error = ErrorBanner()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        self.progress = QLabel()
        self.progress.setProperty("role", "caption")
        self.progress.setWordWrap(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.progress, 1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self._on_back)
        buttons.addWidget(self.back_button)
        self.next_button = QPushButton()
        self.next_button.setProperty("primary", True)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._on_next)
        buttons.addWidget(self.next_button)
        lay.addLayout(buttons)
        self.setStyleSheet(address_stylesheet(current_theme()))  # monospace addresses
        self._show_step("recipient")

    def _fit(self) -> None:
        """What adjustSize does, less its cap at two thirds of the screen: on a kiosk's 800-pixel-high screen that cap
        cut an error's last lines off. The dialog grows to its content, up to the screen's free height."""
        width = max(self.sizeHint().width(), self.minimumWidth())
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        screen = self.screen()
        if screen is not None:
            height = min(height, screen.availableGeometry().height())
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def _network_chip(self) -> StatusChip:
        self.network_chip = StatusChip("", "neutral", "info")
        self.network_chip.hide()
        return self.network_chip

    def _link_button(self) -> QPushButton:
        button = QPushButton()
        button.setProperty("flat", True)
        button.clicked.connect(self._open_link)
        button.hide()
        self.links.insertWidget(self.links.count() - 1, button)
        return button

    # --- steps ---

    def _show_step(self, step: str) -> None:
        self.step = step
        self.request_box.setVisible(step == "recipient")  # under review, the rows say it
        self.review_box.setVisible(step in ("review", "sending"))
        self.result_box.setVisible(step == "done")
        self.next_button.setVisible(step != "done")
        self.next_button.setEnabled(step in ("recipient", "review"))
        self.back_button.setVisible(step == "review")
        self.cancel_button.setEnabled(step != "sending")
        self._say_step()
        self._fit_timer.start()  # fit this step once laid out; stopped with the dialog if it goes first

    def _say_step(self) -> None:
        step = self.step
        if step == "recipient":
            self.next_button.setText(translate("TransactionDialog", "Review"))
        else:
            self.next_button.setText(self._say(self.confirm_text if step == "review" else self.busy_text))
        if step == "done":
            self.cancel_button.setText(translate("TransactionDialog", "Close"))
        else:
            self.cancel_button.setText(translate("TransactionDialog", "Cancel"))

    def _on_next(self) -> None:
        self.error.clear()
        if self.step == "recipient":
            self._request_quote()
        elif self.step == "review":
            self._confirm()

    def _on_back(self) -> None:
        self.quote = None
        self.error.clear()
        self._show_step("recipient")

    def _form_request(self):
        """The form's request now, or None when it does not parse."""
        try:
            return self._request()
        except ValueError:
            return None
        finally:
            self._bad_field = None

    def _request_quote(self) -> None:
        self._bad_field = None
        try:
            request = self._request()
        except ValueError as exc:
            self._set_progress("")
            self._show_step("recipient")
            self._show_input_error(exc)
            if self._bad_field is not None:
                self._bad_field.setFocus()  # the cursor goes to the mistake
            return
        self.quote = None
        self._quoted_request = request
        self.next_button.setEnabled(False)
        self._set_progress(CHECKING)
        watch(self._quote_future(request), self._on_quote, self._on_failed, self)

    def _show_input_error(self, exc: ValueError) -> None:
        if isinstance(exc, UserFacingError):
            self.error.show_message(exc.msg, exc.details)
        else:  # not one of ours: its text is not written for a person
            log.warning("%s input refused: %s", self.what, exc)
            self.error.show_message(lambda: self._say(self.bad_input_text))

    def _on_quote(self, quote) -> None:
        if self._form_request() != self._quoted_request:  # the form changed while the review was being made
            self._request_quote()
            return
        self.quote = quote
        self._set_progress("")
        network = quote.network
        self.network_chip.set_state(network_label(network), "success" if network.real_money else "warning")
        self.network_chip.show()
        self.record = quote.record
        if quote.record is not None and quote.record.done:
            self._on_done(quote.record)
            return
        if quote.record is not None and quote.record.state in IN_FLIGHT:
            self._wait_existing()
            return
        fill_review(self.review, [*self._review_rows(quote), *fee_rows(quote)])
        self._show_step("review")
        warning = self._review_warning(quote)
        if warning:
            text, action = warning if isinstance(warning, tuple) else (warning, None)
            if action is not None:
                action = (self._sayer(action[0]), action[1])
            self.error.show_message(self._sayer(text), severity="warning", action=action)
            self._fit_timer.start()

    def _confirm(self) -> None:
        if self.quote is None or self._form_request() != self._quoted_request:
            self._show_step("recipient")
            self.error.show_message(lambda: translate("TransactionDialog", FORM_CHANGED), severity="warning")
            self._request_quote()  # what is signed is what was reviewed, and what was reviewed is the form
            return
        self._show_step("sending")
        self._set_progress(SIGNING)
        watch(self.service.confirm(self.quote), self._on_done, self._on_failed, self)

    def _wait_existing(self) -> None:
        self._show_step("sending")
        self._set_progress(self.on_its_way_text)
        watch(self.service.reconcile(), lambda _r: self._after_reconcile(), self._on_failed, self)

    def _after_reconcile(self) -> None:
        watch(self.service.mints(), self._pick_record, self._on_failed, self)

    def _pick_record(self, records) -> None:
        record = next((m for m in records if self.record is not None and m.id == self.record.id), None)
        if record is not None:
            self._on_done(record)

    def _on_done(self, record) -> None:
        self.record = record
        self._set_progress("")
        network = self.quote.network if self.quote else None
        if record.done:
            links = self._say_result()
            self._show_step("done")
            for button, url in links:
                self._set_link(button, url)
            self._announce(record)
            return
        if record.state in IN_FLIGHT:
            self._say_result()
            self._show_step("done")
            self._set_link(self.tx_link, network.tx_url(record.tx_hash) if network else "")
            return
        self._show_step("recipient")
        self.error.show_message(lambda: str(record.reason) or self._say(self.not_through_text))

    def _say_result(self) -> list[tuple[QPushButton, str]]:
        """The result card's words for the record, in the language of the moment; the links it offers."""
        record = self.record
        if record.done:
            title, text, links = self._result(record)
        else:
            title = translate("TransactionDialog", "Sent — waiting for the network")
            text = str(record.reason) or translate(
                "TransactionDialog",
                "The transaction is sent. The app keeps checking and shows the receipt in Activity.",
            )
            links = []
        self.result_box.set_title(title)
        self.result_text.setText(text)
        return links

    def _announce(self, record) -> None:
        self.sig_finished.emit(record)

    def _error_action(self, error: UserFacingError) -> tuple[str, Callable[[], None]] | None:
        """The one thing to do about `error` right here: on the sandbox, not enough KAIA is one click away."""
        sandbox = self.network is not None and self.network.is_sandbox
        if sandbox and getattr(error, "kind", None) == "insufficient_funds":
            return (lambda: translate("TransactionDialog", "Get test KAIA"), self._get_test_kaia)
        return None

    def _get_test_kaia(self) -> None:
        self.error.clear()
        self.next_button.setEnabled(False)
        self._set_progress(GETTING_TEST_KAIA)
        watch(self.service.faucet(self.address), lambda _r: self._request_quote(), self._on_failed, self)

    def _set_link(self, button: QPushButton, url: str) -> None:
        button.setVisible(bool(url))
        button.setToolTip(url)
        button.setProperty("url", url)

    def _open_link(self) -> None:
        url = self.sender().property("url")
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _on_failed(self, error: BaseException) -> None:
        self._set_progress("")
        self._show_step("recipient")
        if isinstance(error, UserFacingError):
            self.error.show_message(error.msg, error.details, action=self._error_action(error))
        else:  # a bug, not the person's doing: the words say what happened, the text goes behind "Show details"
            log.error("%s failed", self.what, exc_info=(type(error), error, error.__traceback__))
            self.error.show_message(lambda: self._say(self.app_problem_text), f"{type(error).__name__}: {error}")
