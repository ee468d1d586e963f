"""What every design store must do when a design is removed (app/library/interface.py `DesignStore`): it leaves every
read at once, Undo (`restore`) puts it back in its place with its descriptions, and only a purge deletes it for good.

Run beside `StoreContract` (tests/app/test_store_contract.py), on every implementation and build that it runs on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.changes import DesignDeleted, DesignRestored
from app.library.models import DesignFilter
from tests.app.store_contract import Recorder, ids, listing
from tests.app.test_library import design, png


class RemovalContract:
    """Takes the `store` and `filled` fixtures from `StoreContract`."""

    @staticmethod
    def _described(store, design_id: str) -> None:
        store.save_description(design_id, "en", "A calm grey SM6.")
        store.add_draft(
            design_id, language="ko", source="offline", model="t", prompt="p", text="초안", finish_reason=None
        )

    @pytest.mark.parametrize(
        "search", ["", "pearl", "부산", "50%"], ids=["all", "a word", "a short word", "odd characters"]
    )
    def test_a_removed_design_leaves_every_read_and_undo_puts_it_back_in_its_place(self, filled, search):
        store, made = filled
        flt = DesignFilter(search)
        shown = ids(listing(store, flt))
        victim = next(d for d in made[5:-5] if d.id in shown)  # not the newest: Undo must not bring it back first
        self._described(store, victim.id)
        count, starred = store.count(search=search), store.count(search=search, favourites_only=True)
        heard = Recorder(store)

        store.remove(victim.id)
        assert ids(listing(store, flt)) == [i for i in shown if i != victim.id]
        assert store.get(victim.id) is None and store.existing([victim.id]) == set()
        assert store.key_of(victim.id, flt) is None and store.count(search=search) == count - 1
        assert store.count(search=search, favourites_only=True) == starred - victim.favourite
        assert store.images.has(victim.image_sha256) and Path(victim.image_path).is_file()  # kept for Undo
        with pytest.raises(KeyError):
            store.remove(victim.id)  # removed already
        with pytest.raises(KeyError):
            store.set_favourite(victim.id, True)

        assert store.restore(victim.id) == victim
        assert ids(listing(store, flt)) == shown and store.count(search=search) == count
        assert store.key_of(victim.id, flt) is not None and store.get(victim.id) == victim
        assert (
            store.description(victim.id, "en").text == "A calm grey SM6." and store.drafts(victim.id)[0].text == "초안"
        )
        with pytest.raises(KeyError):
            store.restore(victim.id)  # not removed
        assert [type(change) for change, _seen in heard.heard] == [DesignDeleted, DesignRestored]
        (gone, seen_gone), (back, seen_back) = heard.heard
        assert gone.design_id == victim.id and seen_gone is None and back.design == seen_back == victim
        heard.close()

    def test_a_removed_parent_leaves_the_lineage_and_its_children_stay(self, store):
        parent = store.add(design("pearl white root", seed=1))
        child = store.add(design("pearl white refined", seed=2, parent=parent.id))
        store.remove(parent.id)
        assert ids(store.lineage(child.id)) == [child.id] and store.get(child.id) == child
        store.remove(child.id)
        assert store.children(parent.id) == [] and store.count() == 0
        store.restore(parent.id)
        assert store.children(parent.id) == []  # the child is still removed
        store.restore(child.id)
        assert ids(store.lineage(child.id)) == [parent.id, child.id]

    def test_a_purge_deletes_for_good_only_what_was_removed_long_enough_ago(self, filled):
        store, made = filled
        kept_for_undo, purged = made[10], made[11]
        alone = store.add(design("only me", image=png(99), seed=99))  # no other design shows its picture
        for target in (purged, alone, kept_for_undo):
            self._described(store, target.id)
            store.remove(target.id)
        assert store.purge_removed(older_than_s=3600) == 0  # all removed just now: Undo still has them
        store.restore(kept_for_undo.id)

        assert store.purge_removed(older_than_s=0) == 2
        for target in (purged, alone):
            with pytest.raises(KeyError):
                store.restore(target.id)
            assert store.descriptions(target.id) == {} and store.drafts(target.id) == []
        assert not store.images.has(alone.image_sha256) and not Path(alone.image_path).exists()
        assert store.images.has(purged.image_sha256)  # another design shows it
        assert store.get(kept_for_undo.id) == kept_for_undo and store.description(kept_for_undo.id, "en") is not None
        assert store.count() == len(made) - 1 and store.count(search="pearl") == len(
            [d for d in made if "pearl" in d.request.prompt and d.id != purged.id]
        )
        # A design added afterwards is found by a search, as are the ones that were never removed.
        again = store.add(design("pearl white after the purge", seed=7))
        assert again.id in ids(listing(store, DesignFilter("pearl")))

    def test_the_visitor_scope_cannot_remove_or_bring_back_an_earlier_visitors_design(self, filled):
        store, made = filled
        earlier, removed_earlier = made[0], made[1]
        store.remove(removed_earlier.id)
        store.set_visible_since(made[-1].created_at + 1)
        for attempt in (store.remove, store.restore):
            with pytest.raises(KeyError):
                attempt(earlier.id)
            with pytest.raises(KeyError):
                attempt(removed_earlier.id)
        own = store.add(design("pearl white of this visitor", seed=500))
        store.remove(own.id)
        assert store.restore(own.id) == own
        store.set_visible_since(None)
        assert store.get(removed_earlier.id) is None and store.get(earlier.id) == earlier
