"""The standings table of the Results page: rank (ties marked "="), thumbnail and name, z-score total, raw mean, judges,
flags. Numbers are right-aligned in tabular figures, like a statement, so columns of them read down cleanly."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPixmap

from app.curation.models import Standing
from ui.i18n import translate
from ui.theme import current_theme, tabular_font

RANK, NAME, TOTAL, RAW, JUDGES, FLAGS = range(6)
THUMB_SIDE = 40


@dataclass(frozen=True)
class Row:
    standing: Standing
    name: str  # "" in a blind round (the entry's number stands in)
    thumb: bytes | None  # WebP/PNG bytes made on the worker (None: none, or past the first rows)
    duplicate: bool = False
    disqualified: bool = False
    winner_rank: int | None = None


def rank_text(standing: Standing) -> str:
    return f"={standing.rank}" if standing.tied else str(standing.rank)  # i18n: not shown


def number(value: float, places: int) -> str:
    return QLocale().toString(float(value), "f", places)


def entry_name(row: Row) -> str:
    if row.name:
        return row.name
    return translate("StandingsModel", "Entry {number}").format(number=row.standing.entry)


class StandingsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.highlight: set[int] = set()  # entries shown marked (the tie at a cut)
        self._pixmaps: dict[int, QPixmap] = {}
        self._font = tabular_font(QFont())
        if parent is not None:
            parent.installEventFilter(self)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._pixmaps.clear()
        self.endResetModel()

    def set_highlight(self, entries: set[int]) -> None:
        self.highlight = set(entries)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, FLAGS))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, FLAGS)
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, FLAGS))
        return False

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else FLAGS + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("StandingsModel", "Rank"),
                translate("StandingsModel", "Entry"),
                translate("StandingsModel", "Total (z)"),
                translate("StandingsModel", "Mean score"),
                translate("StandingsModel", "Judges"),
                translate("StandingsModel", "Flags"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                translate("StandingsModel", "Entries with the same total share a rank, marked ="),
                None,
                translate("StandingsModel", "Each judge's totals made comparable (z-scores), then averaged"),
                translate("StandingsModel", "The weighted 1–5 score, averaged over the judges"),
                translate("StandingsModel", "How many judges scored it"),
                None,
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (RANK, TOTAL, RAW, JUDGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags_text(self, row: Row) -> str:
        words = []
        if row.standing.tied:
            words.append(translate("StandingsModel", "Tied"))
        if row.winner_rank is not None:
            words.append(translate("StandingsModel", "Winner #{rank}").format(rank=row.winner_rank))
        if row.duplicate:
            words.append(translate("StandingsModel", "Duplicate"))
        if row.disqualified:
            words.append(translate("StandingsModel", "Disqualified"))
        return " · ".join(words)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        s = row.standing
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RANK:
                return rank_text(s)
            if column == NAME:
                return entry_name(row)
            if column == TOTAL:
                return number(s.total, 2)
            if column == RAW:
                return number(s.raw_mean, 2)
            if column == JUDGES:
                return QLocale().toString(s.judges)
            return self.flags_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK, TOTAL, RAW, JUDGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column != NAME:
            return self._font
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return self._pixmap(row)
        if role == Qt.ItemDataRole.BackgroundRole and s.entry in self.highlight:
            color = QColor(current_theme().warning)
            color.setAlphaF(0.22)
            return QBrush(color)
        if role == Qt.ItemDataRole.ToolTipRole and column == RANK and s.tied:
            return translate(
                "StandingsModel", "Tied for place {rank}: the ranking does not decide between them"
            ).format(rank=s.rank)
        if role == Qt.ItemDataRole.UserRole:
            return s.entry
        return None

    def _pixmap(self, row: Row) -> QPixmap | None:
        if row.thumb is None:
            return None
        found = self._pixmaps.get(row.standing.entry)
        if found is None:
            image = QImage.fromData(row.thumb)
            if image.isNull():
                return None
            found = QPixmap.fromImage(
                image.scaled(
                    THUMB_SIDE,
                    THUMB_SIDE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self._pixmaps[row.standing.entry] = found
        return found
