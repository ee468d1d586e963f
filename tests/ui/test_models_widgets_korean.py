"""The model screens and the shared widgets in Korean and back to English while they are open: the words switch on
the widgets already on screen (never rebuilt), what was chosen stays chosen, and what they last said (why a model
cannot be used, a refused file, a busy line, an error) is said again in the new language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.generation.registry import ModelRegistry
from tests.app.test_importer import write_sd15_file
from ui.i18n import apply_language, translate
from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog
from ui.widgets.copy_field import CopyField
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.folder_row import human_size
from ui.widgets.model_picker import ModelPicker

WAIT_MS = 5_000
PICKLE = b"\x80\x02"  # the start of a pickle: a checkpoint the registry refuses, with its reason


@pytest.fixture
def scanned(models_dir, tmp_path):
    (models_dir / "old.ckpt").write_bytes(PICKLE)
    write_sd15_file(models_dir / "sm6-dream.safetensors")
    registry = ModelRegistry([models_dir])
    registry.scan()
    return registry.models


def test_first_run_says_its_words_and_the_reasons_again_in_korean(qtbot, scanned, back_to_english):
    view = FirstRunView()
    qtbot.addWidget(view)
    view.resize(1192, 770)
    view.set_unusable(scanned)
    view.set_busy(lambda: translate("FirstRunView", "Working"))
    view.show()
    reason = dict(view.unusable_reasons())["old.ckpt"]
    assert "pickled checkpoint" in reason and view.busy_label.text() == "Working"

    apply_language("ko")
    qtbot.waitUntil(lambda: view.import_button.text() == "모델 가져오기…", timeout=WAIT_MS)
    assert view.title_label.text() == "아직 모델이 없습니다" and view.demo_button.text() == "데모 모델 사용해 보기"
    assert view.rescan_button.text() == "다시 확인" and view.unusable_card.title() == "찾았지만 사용할 수 없음"
    assert view.user_folder_row.open_button.text() == "열기"
    assert "pickle 형식의 체크포인트" in dict(view.unusable_reasons())["old.ckpt"]  # the core's words, by their id
    shown = [row.reason_label.text() for row in view.unusable_card.findChildren(QWidget) if hasattr(row, "model")]
    assert any("pickle 형식의 체크포인트" in text for text in shown)
    assert view.busy_label.text() == "작업 중" and view.is_busy()  # still busy, said in Korean

    apply_language("en")
    qtbot.waitUntil(lambda: view.import_button.text() == "Import model…", timeout=WAIT_MS)
    assert view.busy_label.text() == "Working" and "pickled checkpoint" in dict(view.unusable_reasons())["old.ckpt"]
    view.set_busy(None)


def test_import_dialog_keeps_its_refusal_and_says_it_in_korean(qtbot, tmp_path, back_to_english):
    dialog = ImportModelDialog(dest_dir=tmp_path / "dest")
    qtbot.addWidget(dialog)
    source = tmp_path / "classic.ckpt"
    source.write_bytes(PICKLE)
    assert dialog.set_source(source) is None
    assert "pickled checkpoint" in dialog.error_banner.message()

    apply_language("ko")
    qtbot.waitUntil(lambda: dialog.choose_file_button.text() == "파일 선택…", timeout=WAIT_MS)
    assert dialog.windowTitle() == "모델 가져오기" and dialog.cancel_button.text() == "취소"
    assert dialog.import_button.text() == "가져오기" and not dialog.import_button.isEnabled()
    assert "pickle 형식의 체크포인트" in dialog.error_banner.message()
    assert dialog.error_banner.severity_label.text() == "오류"
    assert dialog.source() == source  # the file chosen before the switch is still the one shown

    apply_language("en")
    qtbot.waitUntil(lambda: dialog.choose_file_button.text() == "Choose file…", timeout=WAIT_MS)
    assert "pickled checkpoint" in dialog.error_banner.message() and dialog.cancel_button.text() == "Cancel"


def test_shared_widgets_say_their_words_again_and_keep_their_state(qtbot, scanned, back_to_english):
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    banner, picker = ErrorBanner(), ModelPicker()
    field = CopyField(lambda: translate("ModelPicker", "Model"))
    for widget in (banner, picker, field):
        layout.addWidget(widget)
    banner.show_exception(RuntimeError("disk on fire"))  # not written for a person: the generic sentence
    picker.set_models(scanned)
    usable = picker.current_model_id()
    field.set_value("0x1234")
    box.show()
    assert banner.message().startswith("Something went wrong") and banner.details_button.text() == "Show details"
    assert field.button.toolTip() == "Copy model" and picker.toolTip() == "The model that paints your design"

    apply_language("ko")
    qtbot.waitUntil(lambda: banner.details_button.text() == "자세히 보기", timeout=WAIT_MS)
    assert banner.message().startswith("문제가 발생했습니다") and banner.severity_label.text() == "오류"
    assert "disk on fire" in banner.details_box.toPlainText()  # the details stay as they were
    assert field.button.toolTip() == "모델 복사" and field.value() == "0x1234"
    assert picker.toolTip() == "디자인을 그리는 모델" and picker.current_model_id() == usable
    assert "old.ckpt — 사용할 수 없음" in picker.item_texts()
    assert human_size(512) == "512바이트" and human_size(2_100_000_000) == "2.1 GB"

    apply_language("en")
    qtbot.waitUntil(lambda: banner.details_button.text() == "Show details", timeout=WAIT_MS)
    assert banner.message().startswith("Something went wrong") and "old.ckpt — can't be used" in picker.item_texts()
    assert picker.current_model_id() == usable and field.button.toolTip() == "Copy model"
