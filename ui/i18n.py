"""The window's language: Qt's translators for its strings, the core's for its messages, QLocale for dates and
numbers, all switched together while the app runs.

How a view is written (the rule `tests/app/test_translations.py` holds every ui file to):
- every word a person reads goes through `translate("Context", "English text")`, with the class's (or module's)
  name as the context; never `self.tr()`, whose context is the class an object *is*, so a subclass would lose it;
- a widget whose words are fixed sets them in `retranslate()`, calls it once when built, and inherits
  `Retranslating`, which calls it again at every language change; words that follow state (a status line) are made
  by the method that shows the state, and `retranslate()` calls that method again with the state it holds;
- a sentence with values is translated whole and filled afterwards: `translate("Wallet", "Sent {amount}").format(...)`,
  so a translation may move the values.

`pyside6-lupdate` finds these calls (`scripts/i18n.py update`); `pyside6-lrelease` builds the checked-in .qm files.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app import i18n as core_i18n

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea),
}


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(context, text, disambiguation)


def system_language() -> str:
    """The computer's language as Qt reads it (on Windows and macOS, the system setting; on Linux, the locale)."""
    return core_i18n.from_locale_name(QLocale.system().name())


def language_for(setting: str) -> str:
    """What Settings' choice ("system", "en", "ko") means on this computer."""
    return core_i18n.resolve(setting, QLocale.system().name())


def current_language() -> str:
    return core_i18n.language()


def apply_language(lang: str) -> str:
    """Everything in `lang` from now on: Qt sends every widget a LanguageChange, and `Retranslating` widgets say
    their words again. Returns the language in use (English for one without translations)."""
    app = QCoreApplication.instance()
    lang = core_i18n.set_language(lang)
    QLocale.setDefault(_LOCALES.get(lang, _LOCALES["en"]))
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang != "en":
        for path in (
            core_i18n.i18n_dir() / f"ui_{lang}.qm",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath) + f"/qtbase_{lang}.qm",
        ):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("translations %s could not be loaded; those words stay in English", path)
    return lang


class Retranslating:
    """Mixin for a QWidget whose fixed words are set in `retranslate()` (list it before the Qt class)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
