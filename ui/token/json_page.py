"""The token's JSON tab: the two CIDs, each with a copy button, and the metadata exactly as it is published."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.token.assemble import TokenDraft
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_M, SPACE_S
from ui.token.token_listing import plain_label
from ui.widgets.copy_field import CopyField


class JsonPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE_M)
        grid.setVerticalSpacing(SPACE_S)
        grid.setColumnStretch(1, 1)
        self.metadata_cid = CopyField(lambda: translate("JsonPage", "Metadata CID"))
        self.image_cid = CopyField(lambda: translate("JsonPage", "Image CID"))
        self.keys = [plain_label("", name="detailKey"), plain_label("", name="detailKey")]
        for i, field in enumerate((self.metadata_cid, self.image_cid)):
            grid.addWidget(self.keys[i], i, 0)
            grid.addWidget(field, i, 1)
        lay.addLayout(grid)
        self.caption = plain_label("", role="caption", wrap=True)
        lay.addWidget(self.caption)
        self.json_text = QPlainTextEdit()
        self.json_text.setObjectName("metadataJson")
        self.json_text.setReadOnly(True)
        lay.addWidget(self.json_text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.keys[0].setText(translate("JsonPage", "Metadata CID"))
        self.keys[1].setText(translate("JsonPage", "Image CID"))
        self.caption.setText(
            translate("JsonPage", "The exact bytes that are published and hashed: UTF-8 JSON, keys sorted, no spaces.")
        )
        self.json_text.setAccessibleName(translate("JsonPage", "Metadata JSON"))

    def show_draft(self, draft: TokenDraft) -> None:
        self.metadata_cid.set_value(draft.metadata_cid)
        self.image_cid.set_value(draft.image_cid)
        self.json_text.setPlainText(draft.metadata_bytes.decode("utf-8"))
