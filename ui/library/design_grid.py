"""The Library's gallery: the shared tile grid (`ui/widgets/tile_grid.py`) painting designs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.library.design_tile_delegate import DesignTileDelegate
from ui.library.library_style import GRID_GAP, TILE_MIN
from ui.widgets.tile_grid import TileGrid


class DesignGrid(TileGrid):
    """The gallery; Enter opens the current design."""

    tile_delegate: DesignTileDelegate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DesignTileDelegate, parent, tile_min=TILE_MIN, gap=GRID_GAP)
        self.setObjectName("libraryGrid")
