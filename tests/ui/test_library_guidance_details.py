"""The Library's details say how a design's shape was guided: the SM6 artwork's view and the mask, the ControlNet
and its strength, the LoRAs with their weights, a loaded sketch or photo as the start, in English and in Korean. A
plain design shows none of these lines."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.fixtures.shots import save_shot
from tests.ui.test_library_view import new_design
from ui.i18n import apply_language


def guided(prompt: str, index: int, **changes):
    design = new_design(prompt, index)
    return dataclasses.replace(design, request=design.request.replace(**changes))


def shown_facts(details) -> dict[str, str]:
    return {c.text(): v.text() for c, v in details.guidance_rows if c.isVisible()}


def shoot(view, folder: Path, name: str) -> None:
    """A picture for a person to look at: in the test's folder, or in $SM6_SHOTS_DIR when set."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the relayout the new lines asked for, before the picture is taken
    save_shot(view, name, folder)


def test_the_details_say_how_the_shape_was_guided_in_english_and_korean(
    qtbot, library_views, library, back_to_english, tmp_path
):
    plain = library.add(new_design("plain pearl sm6", 0))
    masked = library.add(
        guided(
            "matte green body",
            1,
            source="base",
            view="front34",
            mask="body",
            control_model="canny-sd15",
            control_strength=0.8,
            loras=(("gold-trim", 0.7), ("night-glow", -0.5)),
        )
    )
    sketch = library.add(guided("from my sketch", 2, source="picture", source_picture="a" * 64, decoder="taesd"))
    view = library_views(library)
    qtbot.waitUntil(lambda: view.model.is_ready, timeout=5000)
    details = view.details

    view.select_design(masked.id)
    qtbot.waitUntil(lambda: bool(shown_facts(details)), timeout=5000)
    assert shown_facts(details) == {
        "Started from": "The SM6 artwork",
        "View": "Front three-quarter view",
        "Mask": "Body repainted, scene kept",
        "Guide": "canny-sd15, from edges, strength 0.8",
        "LoRAs": "gold-trim, weight 0.7\nnight-glow, weight -0.5",
    }
    shoot(view, tmp_path, "library_guidance_en")

    apply_language("ko")
    qtbot.waitUntil(lambda: view.title_label.text() == "라이브러리", timeout=5000)
    assert shown_facts(details) == {
        "시작": "SM6 아트워크",
        "시점": "전측면",
        "마스크": "차체만 다시 그리고 배경 유지",
        "가이드": "canny-sd15, 윤곽선 기준, 강도 0.8",
        "LoRA": "gold-trim, 가중치 0.7\nnight-glow, 가중치 -0.5",
    }
    shoot(view, tmp_path, "library_guidance_ko")

    view.select_design(sketch.id)
    qtbot.waitUntil(lambda: "시작" in shown_facts(details), timeout=5000)
    assert shown_facts(details) == {"시작": "불러온 스케치 또는 사진", "디코더": "TAESD (고속)"}

    apply_language("en")
    qtbot.waitUntil(lambda: view.title_label.text() == "Library", timeout=5000)
    assert shown_facts(details) == {"Started from": "A loaded sketch or photo", "Decoder": "TAESD (fast)"}

    view.select_design(plain.id)
    qtbot.waitUntil(lambda: not shown_facts(details), timeout=5000)
    assert shown_facts(details) == {}
    view.loader.shutdown()
