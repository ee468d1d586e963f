"""The facts of the entry beside the picture: its name and words, traits, where it came from and who owns it.

In a blind round the panel never holds what identifies the entrant (owner, token id, contract, CIDs, origin, mint
time): those labels are emptied, not merely hidden, so neither a screen reader, a tooltip nor a screenshot of a
hidden widget can tell the judge. A token id inside the entry's name ("SM6 #1234") is masked too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.curation.models import Submission
from ui.curation.disqualify_popover import reason_label
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, current_theme, tabular_font
from ui.widgets.copy_field import CopyField, address_stylesheet
from ui.widgets.dates import date_time_text
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.scroll_body import scrolling_body
from ui.widgets.status_chip import StatusChip

MAX_CHIPS = 24  # traits shown; metadata may list hundreds, and a judge reads a handful


def masked_name(name: str, token_id: int | None) -> str:
    """The name without the token id in it ("SM6 #1234" → "SM6 #…"), for blind rounds."""
    if token_id is None:
        return name
    return re.sub(rf"(?<!\d){token_id}(?!\d)", "…", name)


def source_label(source: str) -> str:
    labels = {
        "chain": lambda: translate("EntryDetails", "Minted on the campaign contract"),
        "folder": lambda: translate("EntryDetails", "Imported from a folder"),
        "zip": lambda: translate("EntryDetails", "Imported from a ZIP file"),
        "library": lambda: translate("EntryDetails", "From this computer's library"),
    }
    return labels[source]() if source in labels else source


class EntryDetails(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._submission: Submission | None = None
        self._duplicates = 0
        self._blind = False
        self._setup_ui()
        self.setStyleSheet(address_stylesheet(current_theme()))
        self.retranslate()

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll, body = scrolling_body(outer, "inspector")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_S)

        self.name_label = _value()
        self.name_label.setProperty("role", "section")
        layout.addWidget(self.name_label)
        self.problem_label = _value()  # why it was kept aside (a bad item), or why it was disqualified
        self.problem_label.setObjectName("entryProblem")
        layout.addWidget(self.problem_label)
        self.duplicates_label = _value()
        self.duplicates_label.setProperty("role", "secondary")
        layout.addWidget(self.duplicates_label)
        layout.addSpacing(SPACE_M)

        self.captions: dict[str, QLabel] = {}
        self.description_label = self._block(layout, "description")
        self.prompt_label = self._block(layout, "prompt")
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        self.captions["traits"] = _caption()
        layout.addWidget(self.captions["traits"])
        layout.addWidget(self.chips_box)
        layout.addSpacing(SPACE_L)

        self.identity_box = QWidget()  # what identifies the entrant: emptied and hidden in blind rounds
        facts = QGridLayout(self.identity_box)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(SPACE_L)
        facts.setVerticalSpacing(SPACE_M)
        facts.setColumnStretch(1, 1)
        self.owner_field = CopyField(lambda: translate("EntryDetails", "Owner"))
        self.token_label = _value(tabular=True)
        self.minted_label = _value(tabular=True)
        self.metadata_cid_field = CopyField(lambda: translate("EntryDetails", "Metadata CID"))
        self.image_cid_field = CopyField(lambda: translate("EntryDetails", "Image CID"))
        self.origin_field = CopyField(lambda: translate("EntryDetails", "Origin"))  # a long URI or path
        self.fact_rows: dict[str, tuple[QLabel, QWidget]] = {}
        for row, (key, widget) in enumerate(
            (
                ("owner", self.owner_field),
                ("token", self.token_label),
                ("minted", self.minted_label),
                ("metadata_cid", self.metadata_cid_field),
                ("image_cid", self.image_cid_field),
                ("origin", self.origin_field),
            )
        ):
            caption = _caption()
            facts.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignVCenter)
            facts.addWidget(widget, row, 1)
            self.fact_rows[key] = (caption, widget)
        layout.addWidget(self.identity_box)
        layout.addSpacing(SPACE_S)
        self.source_label = _value()
        self.source_label.setProperty("role", "secondary")
        layout.addWidget(self.source_label)
        self.blind_label = _value()
        self.blind_label.setProperty("role", "caption")
        layout.addWidget(self.blind_label)
        layout.addStretch(1)
        self.hint_label = _value()
        self.hint_label.setProperty("role", "secondary")
        layout.insertWidget(0, self.hint_label)

    def _block(self, layout: QVBoxLayout, key: str) -> QLabel:
        self.captions[key] = _caption()
        layout.addWidget(self.captions[key])
        layout.addSpacing(SPACE_XS)
        value = _value()
        layout.addWidget(value)
        layout.addSpacing(SPACE_L)
        return value

    def retranslate(self) -> None:
        self.captions["description"].setText(translate("EntryDetails", "Description"))
        self.captions["prompt"].setText(translate("EntryDetails", "Prompt"))
        self.captions["traits"].setText(translate("EntryDetails", "Traits"))
        captions = {
            "owner": translate("EntryDetails", "Owner"),
            "token": translate("EntryDetails", "Token"),
            "minted": translate("EntryDetails", "Minted"),
            "metadata_cid": translate("EntryDetails", "Metadata CID"),
            "image_cid": translate("EntryDetails", "Image CID"),
            "origin": translate("EntryDetails", "Origin"),
        }
        for key, (caption, _widget) in self.fact_rows.items():
            caption.setText(captions[key])
        self.hint_label.setText(translate("EntryDetails", "Select an entry to see its details."))
        self.blind_label.setText(
            translate("EntryDetails", "Blind round: who made this entry is hidden until the result is locked.")
        )
        self.set_submission(self._submission, self._duplicates)

    # --- API -----------------------------------------------------------------------------------

    def set_blind(self, blind: bool) -> None:
        if blind != self._blind:  # the viewer says it before every entry: re-showing costs a relayout
            self._blind = blind
            self.set_submission(self._submission, self._duplicates)

    def is_blind(self) -> bool:
        return self._blind

    def set_submission(self, submission: Submission | None, duplicates: int = 0) -> None:
        """Show an entry; `duplicates` is how many entries its duplicate group holds (0 or 1: none)."""
        self._submission, self._duplicates = submission, duplicates
        s = submission
        self.hint_label.setVisible(s is None)
        self.chips.clear()
        for widget in (self.name_label, self.description_label, self.prompt_label, self.source_label):
            widget.setText("")
        self._show_identity(None)
        for widget in (self.problem_label, self.duplicates_label, self.identity_box, self.blind_label):
            widget.hide()
        for key in ("description", "prompt", "traits"):
            self.captions[key].hide()
        self.description_label.hide()
        self.prompt_label.hide()
        self.chips_box.hide()
        if s is None:
            return
        name = masked_name(s.name, s.token_id) if self._blind else s.name
        self.name_label.setText(name or translate("EntryDetails", "Untitled entry"))
        self._show_text("description", self.description_label, s.description)
        self._show_text("prompt", self.prompt_label, s.prompt)
        for trait_type, value in s.traits[:MAX_CHIPS]:
            words = translate("EntryDetails", "{trait}: {value}").format(trait=trait_type, value=value)
            self.chips.addWidget(StatusChip(words if trait_type else value))
        self.captions["traits"].setVisible(bool(s.traits))
        self.chips_box.setVisible(bool(s.traits))
        self._show_problem(s)
        if duplicates > 1:
            self.duplicates_label.setText(
                translate("EntryDetails", "One other entry looks the same.")
                if duplicates == 2
                else translate("EntryDetails", "{count} other entries look the same.").format(count=duplicates - 1)
            )
            self.duplicates_label.show()
        self.source_label.setText(source_label(s.source))
        self.blind_label.setVisible(self._blind)
        if not self._blind:
            self._show_identity(s)

    def _show_text(self, key: str, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        self.captions[key].setVisible(bool(text))

    def _show_problem(self, s: Submission) -> None:
        words = ""
        if s.problem is not None:
            words = translate("EntryDetails", "Kept aside: {reason}").format(reason=str(s.problem.reason))
        elif s.disqualified is not None:
            dq = s.disqualified
            words = translate("EntryDetails", "Disqualified: {reason}").format(reason=reason_label(dq.reason))
            if dq.note:
                words = translate("EntryDetails", "Disqualified: {reason} ({note})").format(
                    reason=reason_label(dq.reason), note=dq.note
                )
        self.problem_label.setText(words)
        self.problem_label.setVisible(bool(words))

    def _show_identity(self, s: Submission | None) -> None:
        """Fill the identifying facts, or (None) empty every one of them: text, tooltips and accessible names."""
        self.owner_field.set_value(s.owner if s else "")
        self.metadata_cid_field.set_value(s.metadata_cid if s else "")
        self.image_cid_field.set_value(s.image_cid if s else "")
        self.token_label.setText(f"#{s.token_id}" if s and s.token_id is not None else "")
        self.minted_label.setText(date_time_text(s.minted_at) if s and s.minted_at is not None else "")
        self.origin_field.set_value(s.origin if s else "")
        shown = {
            "owner": bool(s and s.owner),
            "token": bool(s and s.token_id is not None),
            "minted": bool(s and s.minted_at is not None),
            "metadata_cid": bool(s and s.metadata_cid),
            "image_cid": bool(s and s.image_cid),
            "origin": bool(s and s.origin),
        }
        for key, (caption, widget) in self.fact_rows.items():
            caption.setVisible(shown[key])
            widget.setVisible(shown[key])
        self.identity_box.setVisible(any(shown.values()))


def _caption() -> QLabel:
    label = QLabel()
    label.setProperty("role", "caption")
    return label


def _value(*, tabular: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # names, prompts and origins come from entrants and files
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if tabular:
        label.setFont(tabular_font(label.font()))
    return label
