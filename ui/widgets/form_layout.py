"""The label/field grid every settings card and dialog uses, so all forms line up the same way (STYLE.md spacing)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFormLayout, QWidget

from ui.theme import SPACE_M, SPACE_S

# Above this a field is a text area or a group: its label stays level with the first line instead.
_ONE_LINE_MAX = 64


class _CentredLabelForm(QFormLayout):
    """QFormLayout puts each label at the top of its row. Our fields are touch-sized (40 px and more), so a
    top-aligned label sits visibly high beside them; this centres it on the field instead."""

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        for row in range(self.rowCount()):
            label = self.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or label.widget() is None:
                continue
            box, area = label.geometry(), field.geometry()
            if box.top() != area.top() or area.height() > _ONE_LINE_MAX:
                continue  # wrapped onto its own line, or beside a tall field
            box.moveTop(area.top() + (area.height() - box.height()) // 2)
            label.widget().setGeometry(box)


def form_layout(parent: QWidget | None = None, *, row_gap: int = SPACE_S) -> QFormLayout:
    form = _CentredLabelForm(parent) if parent is not None else _CentredLabelForm()
    form.setHorizontalSpacing(SPACE_M)
    form.setVerticalSpacing(row_gap)
    # Styles differ (macOS right-aligns labels); one alignment keeps cards from looking ragged side by side.
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form
