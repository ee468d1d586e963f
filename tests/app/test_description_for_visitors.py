"""A showroom visitor's description leaves the seed out (a technical detail they have no use for), offline and in
what ChatGPT is asked; a designer's keeps it, as the design's fingerprint."""

from __future__ import annotations

import pytest

from app.description.models import DescribeSettings
from app.description.offline import OfflineDrafter
from app.description.prompting import build_request
from tests.app.test_description_drafters import make_design

SEED = "424242"


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("index", range(8))  # every template is chosen by some id
def test_offline_drafts_name_the_seed_only_for_designers(language, index):
    design = make_design(design_id=f"design-{index}")
    designer = OfflineDrafter(DescribeSettings()).draft(design, language).text
    visitor = OfflineDrafter(DescribeSettings(), mention_seed=False).draft(design, language).text
    assert SEED not in visitor and visitor.strip()
    assert visitor.split("\n\n")[0] == designer.split("\n\n")[0]  # the same story, less the fingerprint
    if SEED in designer:
        assert len(visitor) < len(designer)


def test_chatgpt_is_not_told_the_seed_for_a_visitor():
    design = make_design()
    told = build_request(design, "en", DescribeSettings(), mention_seed=False).messages[-1]["content"]
    assert SEED not in told and "Seed" not in told
    assert SEED in build_request(design, "en", DescribeSettings()).messages[-1]["content"]
