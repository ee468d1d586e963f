"""The Library's two empty states: a library with nothing in it yet, and a search or filter that matches nothing.

Their words are callables, so the empty state says them again when the language changes; a search the person typed
stays as typed inside the sentence."""

from __future__ import annotations

from ui.i18n import translate
from ui.library.design_details import FAVOURITE_SHORTCUT, key_name
from ui.widgets.empty_state import EmptyState


def empty_library() -> EmptyState:
    return EmptyState(
        "library",
        lambda: translate("library_empty_states", "Your designs will appear here"),
        lambda: translate(
            "library_empty_states",
            "Every SM6 you make in the Design studio is kept here, newest first, ready to look at again, star and "
            "refine.",
        ),
        lambda: translate("library_empty_states", "Go to the Design studio"),
    )


def no_results() -> EmptyState:
    """Its words follow the filter: `say_no_results` sets them."""
    return EmptyState("search", "", "", _clear_search, _show_all)


def say_no_results(state: EmptyState, search: str, favourites_only: bool) -> bool:
    """Words for a listing that `search` (already shortened) and the favourites filter left empty; True when the
    primary action clears the search, False when it shows all designs."""
    assert state.secondary_button is not None
    if search and favourites_only:
        state.set_words(
            lambda: translate("library_empty_states", "No favourites match “{search}”").format(search=search),
            lambda: translate(
                "library_empty_states",
                "Only your favourites are searched. Clear the search, or look through all designs.",
            ),
            _clear_search,
            _show_all,
        )
    elif search:
        state.set_words(
            lambda: translate("library_empty_states", "No designs match “{search}”").format(search=search),
            lambda: translate(
                "library_empty_states",
                "Check the spelling, or try fewer or other words. Search looks at the prompts of your designs.",
            ),
            _clear_search,
            _show_all,
        )
    else:
        state.set_words(
            lambda: translate("library_empty_states", "No favourites yet"),
            lambda: translate(
                "library_empty_states",
                "Star a design you love ({shortcut}, or the star beside “Open in the studio”) "
                "and it will be waiting for you here.",
            ).format(shortcut=key_name(FAVOURITE_SHORTCUT)),
            _show_all,
            _show_all,
        )
    state.secondary_button.setVisible(bool(search and favourites_only))
    return bool(search)


def _show_all() -> str:
    return translate("library_empty_states", "Show all designs")


def _clear_search() -> str:
    return translate("library_empty_states", "Clear search")
