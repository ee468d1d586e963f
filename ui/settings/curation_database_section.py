"""The curation card's database part: this computer's SQLite file, or a PostgreSQL server that several judges share
(host, port, database, user; the password kept in the keyring, never in settings.toml), and "Test connection".

The test connects off the UI thread with what the form shows (saved or not) and changes nothing on the server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.curation import db
from app.curation.connection import (
    ConnectionReport,
    DatabasePasswordStore,
    ServerParts,
    check_connection,
    server_parts,
    server_url,
    stored_password,
)
from app.errors import InputError, UserFacingError
from ui.i18n import Retranslating, translate
from ui.settings.saved_at_once import caption
from ui.tasks import run_in_background
from ui.theme import SPACE_S, SPACE_XL
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField
from ui.widgets.secret_row import SecretRow

MAX_PART = 200  # longer than any host, database or user name; keeps a pasted paragraph out of the URL


class CurationDatabaseSection(Retranslating, QWidget):
    sig_setting_changed = Signal(str)  # a new database setting to save: "" or a server URL (never a password)

    def __init__(self, setting: str, default_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = setting
        self._default_file = default_file
        self._test: tuple[str, object] | None = None  # ("busy", None) | ("ok", ConnectionReport) | ("error", exc)
        self._task = None
        self._test_url = ""  # the server the last test asked
        self._problem_words = None  # the core's or this form's words for what is wrong with the server fields
        self._build()
        self.retranslate()
        self.load(setting)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_S)
        self._group = QButtonGroup(self)
        self.local_radio = QRadioButton()
        self.server_radio = QRadioButton()
        self._group.addButton(self.local_radio)
        self._group.addButton(self.server_radio)
        lay.addWidget(self.local_radio)
        self.file_caption = caption()
        self.file_caption.setContentsMargins(SPACE_XL, 0, 0, 0)
        lay.addWidget(self.file_caption)
        lay.addWidget(self.server_radio)
        self.server_box = QWidget()
        box = QVBoxLayout(self.server_box)
        box.setContentsMargins(SPACE_XL, 0, 0, 0)
        box.setSpacing(SPACE_S)
        form = form_layout()
        self.host, self.dbname, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = NumberField(lambda: translate("CurationDatabaseSection", "The port"), 1, 65535)
        self._labels = {field: QLabel() for field in (self.host, self.port, self.dbname, self.user)}
        for field in (self.host, self.port, self.dbname, self.user):
            self._labels[field].setBuddy(field)
            if field is not self.port:
                field.setMaxLength(MAX_PART)
            form.addRow(self._labels[field], field.row if field is self.port else field)
            field.editingFinished.connect(self._on_server_edited)
        box.addLayout(form)
        self.password_row = SecretRow(
            DatabasePasswordStore(),
            lambda: translate("CurationDatabaseSection", "The database user's password"),
            _describe_password,
            what=lambda: translate("CurationDatabaseSection", "database password"),
        )
        box.addWidget(self.password_row)
        self.problem = caption()
        self.problem.setProperty("role", "")  # a problem reads as body text
        self.problem.hide()
        box.addWidget(self.problem)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        row.addStretch(1)
        box.addLayout(row)
        self.test_result = caption()  # wraps to the card's width, never widening the page's column
        self.test_result.setProperty("role", "")  # the answer reads as body text
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.hide()
        box.addWidget(self.test_result)
        lay.addWidget(self.server_box)
        self.local_radio.toggled.connect(self._on_kind_toggled)

    def retranslate(self) -> None:
        self.local_radio.setText(translate("CurationDatabaseSection", "This computer"))
        self.server_radio.setText(translate("CurationDatabaseSection", "A shared server (PostgreSQL)"))
        self._show_file()
        self._labels[self.host].setText(translate("CurationDatabaseSection", "Server"))
        self.host.setPlaceholderText(translate("CurationDatabaseSection", "e.g. judging.example.com"))
        self._labels[self.port].setText(translate("CurationDatabaseSection", "Port"))
        self.port.setPlaceholderText("5432")
        self._labels[self.dbname].setText(translate("CurationDatabaseSection", "Database"))
        self.dbname.setPlaceholderText(translate("CurationDatabaseSection", "e.g. curation"))
        self._labels[self.user].setText(translate("CurationDatabaseSection", "User"))
        self.user.setPlaceholderText(translate("CurationDatabaseSection", "e.g. judge"))
        for field, label in self._labels.items():
            field.setAccessibleName(label.text())
        self.test_button.setText(translate("CurationDatabaseSection", "Test connection"))
        self.test_button.setToolTip(
            translate("CurationDatabaseSection", "Connect to the server as the form says, and change nothing there")
        )
        self._show_problem()
        self._show_test()

    # --- values --------------------------------------------------------------------------------

    def load(self, setting: str) -> None:
        self._setting = setting
        on_server = db.is_server_setting(setting)
        parts = server_parts(setting) if on_server else ServerParts()
        self.host.setText(parts.host)
        self.port.setValue(parts.port)
        self.dbname.setText(parts.dbname)
        self.user.setText(parts.user)
        for radio, on in ((self.server_radio, on_server), (self.local_radio, not on_server)):
            radio.blockSignals(True)
            radio.setChecked(on)
            radio.blockSignals(False)
        self.server_box.setVisible(on_server)
        self._show_file()

    def local_file(self) -> Path:
        if self._setting.strip() and not db.is_server_setting(self._setting):
            return Path(self._setting.strip())
        return self._default_file

    def server_setting(self) -> str:
        """The URL the server fields make; InputError naming the field when one cannot be used."""
        host = self.host.text().strip()
        if not host:
            raise InputError(translate("CurationDatabaseSection", "Give the server's name or address."))
        if any(ch.isspace() or ch in "/@?#" for ch in host):
            raise InputError(
                translate(
                    "CurationDatabaseSection",
                    "The server is a name or address only, like judging.example.com or 192.168.1.20.",
                )
            )
        port = self.port.value()
        dbname = self.dbname.text().strip()
        if not dbname:
            raise InputError(translate("CurationDatabaseSection", "Give the name of the database on the server."))
        return server_url(ServerParts(host, int(port), dbname, self.user.text().strip()))

    # --- slots ---------------------------------------------------------------------------------

    def _on_kind_toggled(self, local: bool) -> None:
        self.server_box.setVisible(not local)
        if local:
            self._problem_words = None
            self._show_problem()
            if db.is_server_setting(self._setting):
                self.sig_setting_changed.emit("")
        else:
            self._on_server_edited()

    def _on_server_edited(self) -> None:
        if not self.server_radio.isChecked():
            return
        if self._test is not None and self._test[0] != "busy" and self._test_url != self._form_url():
            self._test = None  # it answered for another server: stale words would mislead
            self._show_test()
        try:
            url = self.server_setting()
        except InputError as exc:
            if self.host.text().strip() or self.dbname.text().strip():  # a fresh, empty form is not a mistake yet
                self._problem_words = exc.msg
                self._show_problem()
            return
        self._problem_words = None
        self._show_problem()
        if url != self._setting:
            self.sig_setting_changed.emit(url)

    def saved(self, setting: str) -> None:
        """The card kept `setting`."""
        self._setting = setting
        self._show_file()

    def _show_problem(self) -> None:
        # Checked again when the language changes, so the sentence follows it.
        if self._problem_words is not None and self.server_radio.isChecked():
            try:
                self.server_setting()
            except InputError as exc:
                self._problem_words = exc.msg
            else:
                self._problem_words = None
        words = self._problem_words
        self.problem.setText(str(words) if words is not None else "")
        self.problem.setVisible(words is not None)

    def _show_file(self) -> None:
        self.file_caption.setText(
            translate("CurationDatabaseSection", "Judging is kept in {file}. Only this computer can judge.").format(
                file=str(self.local_file())
            )
        )

    # --- test connection -----------------------------------------------------------------------

    def test_connection(self) -> None:
        try:
            url = self.server_setting()
        except InputError as exc:
            self._test = ("error", exc)
            self._show_test()
            return
        typed = self.password_row.input.text()
        default_file = self._default_file

        def check() -> ConnectionReport:
            return check_connection(url, default_file, typed or stored_password())

        self._test, self._test_url = ("busy", None), url
        self._show_test()
        self._task = run_in_background(check, self._on_tested, self._on_test_failed, self, executor="network")

    def _form_url(self) -> str:
        try:
            return self.server_setting()
        except InputError:
            return ""

    def test_pending(self) -> bool:
        return self._task is not None and self._task.pending()

    def _on_tested(self, report: ConnectionReport) -> None:
        self._test = ("ok", report)
        self._show_test()

    def _on_test_failed(self, error: BaseException) -> None:
        self._test = ("error", error)
        self._show_test()

    def _show_test(self) -> None:
        self.test_button.setEnabled(self._test is None or self._test[0] != "busy")
        if self._test is None:
            self.test_result.hide()
            return
        kind, what = self._test
        if kind == "busy":
            text = translate("CurationDatabaseSection", "Connecting…")
        elif kind == "ok":
            text = _connected_words(what)
        elif isinstance(what, UserFacingError):
            text = translate("CurationDatabaseSection", "Not connected: {reason}").format(reason=str(what.msg))
        else:
            text = translate("CurationDatabaseSection", "Not connected: something unexpected went wrong. Try again.")
        self.test_result.setText(text)
        self.test_result.show()


def _connected_words(report: ConnectionReport) -> str:
    count = QLocale().toString(report.submissions)
    if report.submissions == 1:
        sentence = translate(
            "CurationDatabaseSection", "Connected: PostgreSQL {version}, schema version {schema}, 1 submission."
        )
    else:
        sentence = translate(
            "CurationDatabaseSection", "Connected: PostgreSQL {version}, schema version {schema}, {count} submissions."
        )
    if report.schema_version == 0:
        sentence = translate(
            "CurationDatabaseSection",
            "Connected: PostgreSQL {version}. The database is empty; Curation sets it up when it first opens.",
        )
    return sentence.format(version=report.server_version, schema=report.schema_version, count=count)


def _describe_password(lookup) -> str:
    if lookup.source == "env":
        return translate("CurationDatabaseSection", "Using the password from SM6_CURATION_DB_PASSWORD.")
    if lookup.source == "session":
        return translate(
            "CurationDatabaseSection", "Using the password you entered, for this session only; it is forgotten at quit."
        )
    if lookup.source == "keyring":
        return translate("CurationDatabaseSection", "A password is saved in the system keyring.")
    return translate("CurationDatabaseSection", "No password saved. Save one if the server asks for it.")
