"""The duplicates pass over a whole store: copies grouped so judges see them side by side, and a second pass hashes
only what is new."""

from __future__ import annotations

import hashlib

from app.curation.duplicate_pass import run_duplicate_pass
from app.curation.models import Candidate
from tests.app.test_curation_duplicates import copies, encoded, picture
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases


def entry(name: str, image: bytes) -> Candidate:
    return Candidate(
        f"file:{name}", "folder", f"{name}.png", image=image, image_sha256=hashlib.sha256(image).hexdigest(), name=name
    )


def test_copies_are_grouped_and_a_second_pass_hashes_only_what_is_new(store):
    originals = {f"car{i}": encoded(picture(i)) for i in range(8)}
    near = copies(picture(3))
    store.add([entry(name, data) for name, data in originals.items()])
    store.add([entry("car3-resized", near["resized"]), entry("car3-again", originals["car3"])])  # near and exact

    first = run_duplicate_pass(store, workers=1)
    assert (first.hashed, first.groups, first.entries_in_groups) == (10, 1, 3)
    keys = {s.name: s.key for s in store.submissions(store.page_keys(_every(), limit=100))}
    group = store.submission(keys["car3"]).duplicate_group
    assert sorted(store.group_members(group)) == sorted([keys["car3"], keys["car3-resized"], keys["car3-again"]])
    assert store.submission(keys["car1"]).duplicate_group is None

    store.add([entry("car5-jpeg", copies(picture(5))["jpeg"])])
    second = run_duplicate_pass(store, workers=1)
    assert (second.hashed, second.groups, second.entries_in_groups) == (1, 2, 5)
    assert any(a.action == "duplicates" for a in store.audit_since(0))


def _every():
    from app.curation.models import EntryFilter

    return EntryFilter(state="ok")
