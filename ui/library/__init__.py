"""The Library workspace: every design ever made, as a fast, searchable gallery with an inspector."""

from ui.library.library_view import LibraryView

__all__ = ["LibraryView"]
