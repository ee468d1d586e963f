"""Keeping a field in view inside a kiosk scroll area once the on-screen keyboard has taken the bottom of the screen.

QScrollArea.ensureWidgetVisible brings only a text field's caret into view, so half a field could stay hidden under
the fold; a visitor or staff member should see the whole field they are typing into."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QWidget


def keep_visible(scroll: QScrollArea, widget: QWidget, margin: int = 16) -> None:
    """Scroll `scroll` the least that shows all of `widget` (its top first, where it is taller than the view)."""
    content = scroll.widget()
    if content is None or not content.isAncestorOf(widget):
        return
    bar = scroll.verticalScrollBar()
    top = widget.mapTo(content, QPoint(0, 0)).y() - margin
    bottom = top + widget.height() + 2 * margin
    view = scroll.viewport().height()
    value = bar.value()
    if bottom - top > view or top < value:
        bar.setValue(top)
    elif bottom > value + view:
        bar.setValue(bottom - view)
