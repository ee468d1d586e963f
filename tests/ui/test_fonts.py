"""The bundled Noto Sans KR: registered at start-up, and Hangul drawn with real glyphs, not empty boxes."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter, QTextLayout
from PySide6.QtWidgets import QLabel

from ui import fonts
from ui.theme import KOREAN_FALLBACK_FAMILY, current_theme

PROMPT = "부산 야경 속 르노 SM6"
HANGUL = [ch for ch in PROMPT if 0xAC00 <= ord(ch) <= 0xD7A3]


def test_bundled_files_are_there():
    names = [p.name for p in fonts.bundled_font_files()]
    assert names == ["NotoSansKR-Bold.otf", "NotoSansKR-Regular.otf"]
    assert (fonts.resource("fonts") / "OFL.txt").read_text("utf-8").count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_registration_adds_one_family_with_two_weights_and_is_idempotent(qapp):
    families = fonts.register_bundled_fonts()
    assert families == [KOREAN_FALLBACK_FAMILY]
    assert fonts.register_bundled_fonts() == families
    assert KOREAN_FALLBACK_FAMILY in QFontDatabase.families()
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles(KOREAN_FALLBACK_FAMILY))
    for bold in (False, True):
        font = QFont(KOREAN_FALLBACK_FAMILY)
        font.setBold(bold)
        metrics = QFontMetrics(font)
        assert all(metrics.inFontUcs4(ord(ch)) for ch in PROMPT), "every character of the prompt is in the font"


def test_a_broken_font_file_is_logged_and_skipped(qapp, tmp_path, caplog):
    (tmp_path / "broken.otf").write_bytes(b"not a font")
    (tmp_path / "notes.txt").write_text("ignored")
    with caplog.at_level(logging.WARNING, logger="ui.fonts"):
        assert fonts.register_bundled_fonts(tmp_path) == []
        assert fonts.register_bundled_fonts(tmp_path) == []
    assert sum("broken.otf" in r.getMessage() for r in caplog.records) == 1


def test_app_font_falls_back_to_the_korean_family(qapp):
    families = qapp.font().families()
    assert families[-1] == KOREAN_FALLBACK_FAMILY
    assert families[0] != KOREAN_FALLBACK_FAMILY, "Latin stays in the system UI font"
    for bold in (False, True):
        font = QFont(qapp.font())
        font.setBold(bold)
        layout = QTextLayout(PROMPT, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        drawn = 0
        for run in layout.glyphRuns():
            raw = run.rawFont()
            for index in run.glyphIndexes():
                assert index != 0, f"{raw.familyName()} drew .notdef (a tofu box)"
            drawn += sum(raw.supportsCharacter(ch) for ch in HANGUL)
        assert drawn >= len(HANGUL)


def _render(text: str, font: QFont) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def _ink(image: QImage) -> int:
    return sum(image.pixelColor(x, y).red() > 128 for y in range(image.height()) for x in range(image.width()))


def test_hangul_renders_as_distinct_glyphs_not_boxes(qtbot, qapp, tmp_path):
    """Without a Korean font every syllable is the same .notdef box (or nothing): distinct, inked images are not."""
    font = QFont(qapp.font())
    font.setPixelSize(32)
    images = [_render(ch, font) for ch in HANGUL]
    assert all(_ink(image) > 20 for image in images)
    assert len({bytes(image.constBits()) for image in images}) == len(set(HANGUL))
    tofu = _render("\uffff", font)
    assert all(image != tofu for image in images)

    label = QLabel(PROMPT)
    qtbot.addWidget(label)
    label.setStyleSheet(f"font-size: 20px; color: {current_theme().text};")
    label.adjustSize()
    label.show()
    qtbot.waitExposed(label)
    shot = label.grab()
    path = tmp_path / "hangul_label.png"
    assert shot.save(str(path))
    assert path.stat().st_size > 0
    assert label.fontMetrics().horizontalAdvance(PROMPT) > 0
