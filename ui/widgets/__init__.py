"""Small reusable widgets that follow STYLE.md; styling lives in ui/theme.py, not here."""

from ui.widgets.card import Card
from ui.widgets.empty_state import EmptyState
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.nav_rail import NavRail
from ui.widgets.status_chip import StatusChip

__all__ = ["Card", "EmptyState", "ErrorBanner", "NavRail", "StatusChip"]  # i18n: not shown
