"""A small campaign built through the curation store's own methods, for the export and report tests: a handful of
submissions with small PNGs (hostile and Korean names among them), one kept aside, three judges, a tie, an
abstention, a conflict of interest, a disqualification and a duplicate group."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image

from app.curation.models import ABSTAIN, CONFLICT, DEFAULT_CRITERIA, DQ_UNSAFE, UNREADABLE_IMAGE, Candidate, Problem
from app.messages import Msg

BROKEN = Msg("tests.curation.broken", "The picture could not be read.")

SCRIPT = "<script>alert(1)</script>"
KOREAN = "르노 SM6 은하수"
FORMULA = '=HYPERLINK("http://evil.example","click")'
NAMES = ("Aurora", SCRIPT, KOREAN, FORMULA, "Twin A", "Twin B", "Unsafe one")
# each judge's score for each entry above (the same on every criterion, except where a tuple says otherwise);
# None: no verdict. Twin A and Twin B get the same from everyone: a tie.
SCORES = {
    "Alice": (5, 2, (4, 5, 4, 3), 1, 3, 3, 2),
    "Bob": (4, 1, 5, 2, 3, 3, 2),
    "Carol <b>": (5, None, 4, None, 3, 3, 2),
}


def png(colour: tuple[int, int, int], size: tuple[int, int] = (48, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@dataclass
class Campaign:
    round_id: int
    keys: dict[str, int]  # entry name -> key
    images: dict[str, bytes]  # entry name -> the PNG submitted
    judges: dict[str, int]  # judge name -> id
    bad_key: int


def candidate(index: int, name: str, image: bytes) -> Candidate:
    return Candidate(
        source_key=f"chain:1001:0x00000000000000000000000000000000000000A1:{index}",
        source="chain",
        origin=f"ipfs://bafy{index}/metadata.json",
        image=image,
        image_sha256=hashlib.sha256(image).hexdigest(),
        width=48,
        height=32,
        name=name,
        description=f"{name} — a description.",
        prompt="renault sm6, studio light",
        model_hash="abc123",
        traits=(("Colour", "Red"),),
        metadata={"name": name, "description": "d", "image": f"ipfs://bafyimg{index}", "attributes": []},
        generation={"seed": 1000 + index, "steps": 20},
        token_id=100 + index,
        chain_id=1001,
        contract="0x00000000000000000000000000000000000000A1",
        owner=f"0x{index:040x}" if index != 1 else "-0xOwnerStartingWithMinus",
        minted_at=1_767_000_000.0 + index,
        before_deadline=True,
        metadata_cid=f"bafymeta{index}",
        image_cid=f"bafyimg{index}",
    )


def build_campaign(store) -> Campaign:
    images = {name: png((30 * i % 256, 200 - 20 * i, 90)) for i, name in enumerate(NAMES)}
    cands = [candidate(i, name, images[name]) for i, name in enumerate(NAMES)]
    bad = Candidate(
        source_key="file:broken",
        source="folder",
        origin="broken.png",
        problem=Problem(UNREADABLE_IMAGE, BROKEN()),
    )
    store.add([*cands, bad])
    by_source = {s.source_key: s.key for s in store.submissions(range(1, 100))}
    keys = {name: by_source[c.source_key] for name, c in zip(NAMES, cands)}
    judges = {name: store.add_judge(name).id for name in SCORES}
    rnd = store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=True, entries=list(keys.values()), by=None)
    for judge, row in SCORES.items():
        for name, value in zip(NAMES, row):
            if value is None:
                continue
            values = value if isinstance(value, tuple) else (value,) * len(DEFAULT_CRITERIA)
            for criterion, v in zip(DEFAULT_CRITERIA, values):
                store.score(rnd.id, keys[name], judges[judge], criterion.id, v)
    store.set_verdict(rnd.id, keys[SCRIPT], judges["Carol <b>"], ABSTAIN, "=cmd|' /C calc'!A0")
    store.set_verdict(rnd.id, keys[FORMULA], judges["Carol <b>"], CONFLICT, "I know the entrant.")
    store.set_verdict(rnd.id, keys["Aurora"], judges["Alice"], "scored", "Lovely light.")
    store.disqualify(keys["Unsafe one"], DQ_UNSAFE, "Not for a family show", by=judges["Alice"])
    store.set_duplicate_groups([[keys["Twin A"], keys["Twin B"]]])
    return Campaign(rnd.id, keys, images, judges, by_source["file:broken"])
