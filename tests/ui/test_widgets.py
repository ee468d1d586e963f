from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
)

from app.errors import UserFacingError
from ui.bind import ViewModel, bind, observable
from ui.widgets import Card, EmptyState, ErrorBanner, NavRail, StatusChip

HOSTILE = "<b>hi</b><img src=x>"


class DesignModel(ViewModel):
    prompt = observable("")
    notes = observable("")
    steps = observable(25)
    strength = observable(0.5)
    sampler = observable("euler")
    keep_seed = observable(False)
    status = observable("Ready")


# --- error banner ------------------------------------------------------------------------------


def test_error_banner_shows_outside_text_literally(qtbot, tmp_path):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show_message(HOSTILE, details=f"Traceback: {HOSTILE}")
    banner.resize(700, 200)
    qtbot.waitExposed(banner)
    banner.grab().save(str(tmp_path / "error_banner.png"))

    assert banner.message_label.textFormat() == Qt.TextFormat.PlainText
    assert banner.message_label.text() == HOSTILE
    assert banner.severity_label.text() == "Error", "severity is said in words, not colour alone"
    # Rendered as plain text, the label needs room for every character of the markup.
    assert banner.message_label.sizeHint().width() > banner.message_label.fontMetrics().horizontalAdvance("hi") * 5


def test_show_details_reveals_read_only_details(qtbot, tmp_path):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show_message("The model could not be loaded.", details="OSError: file is truncated")
    banner.resize(700, 300)
    qtbot.waitExposed(banner)
    assert not banner.details_visible()

    qtbot.mouseClick(banner.details_button, Qt.MouseButton.LeftButton)
    banner.grab().save(str(tmp_path / "error_banner_details.png"))
    assert banner.details_visible()
    assert banner.details_box.isReadOnly()
    assert banner.details_box.toPlainText() == "OSError: file is truncated"
    assert banner.details_button.text() == "Hide details"


def test_error_banner_dismiss_and_exceptions(qtbot):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show_exception(UserFacingError("The data folder is read-only.", "EACCES"))
    banner.show()
    assert banner.message() == "The data folder is read-only."
    with qtbot.waitSignal(banner.sig_dismissed):
        qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()

    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        banner.show_exception(exc)
    assert "boom" not in banner.message(), "internal errors get a plain sentence"
    assert "RuntimeError: boom" in banner.details_box.toPlainText()


def test_error_banner_without_details_hides_the_toggle(qtbot):
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show_message("Saved a copy instead.", severity="warning")
    assert banner.details_button.isHidden()
    assert banner.severity_label.text() == "Warning"


# --- bind --------------------------------------------------------------------------------------


def test_equal_value_emits_nothing(qtbot):
    model = DesignModel()
    with qtbot.assertNotEmitted(model.steps_changed):
        model.steps = 25
    with qtbot.waitSignal(model.steps_changed) as blocker:
        model.steps = 30
    assert blocker.args == [30]
    assert DesignModel.observables() == ["prompt", "notes", "steps", "strength", "sampler", "keep_seed", "status"]


def test_instances_do_not_share_state():
    class Tags(ViewModel):
        tags = observable([])

    a, b = Tags(), Tags()
    a.tags.append("blue")
    assert b.tags == []


@pytest.mark.parametrize(
    ("widget_factory", "widget_prop", "model_prop", "from_model", "from_widget", "set_widget"),
    [
        (QLineEdit, "text", "prompt", "midnight blue", "pearl white", lambda w, v: w.setText(v)),
        (QPlainTextEdit, "plainText", "notes", "line one", "line two", lambda w, v: w.setPlainText(v)),
        (QSpinBox, "value", "steps", 40, 12, lambda w, v: w.setValue(v)),
        (QDoubleSpinBox, "value", "strength", 0.75, 0.25, lambda w, v: w.setValue(v)),
        (lambda: QSlider(Qt.Orientation.Horizontal), "value", "steps", 40, 12, lambda w, v: w.setValue(v)),
        (QCheckBox, "checked", "keep_seed", True, False, lambda w, v: w.setChecked(v)),
    ],
)
def test_bind_two_way(qtbot, widget_factory, widget_prop, model_prop, from_model, from_widget, set_widget):
    model = DesignModel()
    widget = widget_factory()
    qtbot.addWidget(widget)
    bind(model, model_prop, widget, widget_prop)
    emitted: list = []
    getattr(model, f"{model_prop}_changed").connect(emitted.append)

    setattr(model, model_prop, from_model)
    assert widget.property(widget_prop) == from_model
    set_widget(widget, from_widget)
    assert getattr(model, model_prop) == from_widget
    assert emitted == [from_model, from_widget], "each change crosses once, nothing echoes back"


def test_bind_combo_current_data(qtbot):
    model = DesignModel()
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("Euler", "euler")
    combo.addItem("DPM++ 2M", "dpmpp_2m")
    bind(model, "sampler", combo, "currentData")
    assert combo.currentData() == "euler"
    model.sampler = "dpmpp_2m"
    assert combo.currentIndex() == 1
    combo.setCurrentIndex(0)
    assert model.sampler == "euler"
    combo.clear()
    assert model.sampler == "euler", "emptying the list while refilling it is not a choice"


def test_bind_keeps_cursor_while_typing(qtbot):
    model = DesignModel()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    bind(model, "prompt", edit, "text")
    qtbot.keyClicks(edit, "SM6 blue")
    edit.setCursorPosition(3)
    qtbot.keyClicks(edit, "!")
    assert model.prompt == "SM6! blue"
    assert edit.cursorPosition() == 4


def test_bind_clamped_value_flows_back_to_model(qtbot):
    model = DesignModel()
    spin = QSpinBox()
    spin.setRange(1, 50)
    qtbot.addWidget(spin)
    bind(model, "steps", spin, "value")
    model.steps = 500
    assert spin.value() == 50
    assert model.steps == 50, "the model learns the value the user sees"


def test_bind_label_is_one_way_plain_text(qtbot):
    model = DesignModel()
    label = QLabel()
    qtbot.addWidget(label)
    bind(model, "status", label, "text")
    model.status = HOSTILE
    assert label.text() == HOSTILE
    assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize(
    ("widget_factory", "widget_prop", "model_prop"),
    [(QLineEdit, "text", "prompt"), (QSpinBox, "value", "steps"), (QLabel, "text", "status")],
)
def test_binding_dies_with_its_widget(qtbot, widget_factory, widget_prop, model_prop):
    model = DesignModel()
    signal = SIGNAL(f"{model_prop}_changed(PyObject)")
    widget = widget_factory()
    binding = bind(model, model_prop, widget, widget_prop)
    assert model.receivers(signal) == 1
    with qtbot.waitSignal(widget.destroyed):
        widget.deleteLater()
    assert not shiboken6.isValid(binding), "the binding is the widget's child and goes with it"
    assert model.receivers(signal) == 0, "the model no longer calls into a deleted widget"
    seen = []
    getattr(model, f"{model_prop}_changed").connect(seen.append)
    setattr(model, model_prop, 40 if model_prop == "steps" else "still fine")  # no RuntimeError from a dead widget
    assert seen == [getattr(model, model_prop)]


# --- nav rail, chips, empty state, card -------------------------------------------


def _rail(qtbot) -> NavRail:
    rail = NavRail()
    qtbot.addWidget(rail)
    for key in ("design", "describe", "token", "wallet", "library"):
        rail.add_item(key, key.title(), key)
    rail.add_item("settings", "Settings", "settings", bottom=True)
    rail.resize(88, 640)
    rail.show()
    qtbot.waitExposed(rail)
    return rail


def test_nav_rail_exactly_one_checked(qtbot, tmp_path):
    rail = _rail(qtbot)
    rail.grab().save(str(tmp_path / "nav_rail.png"))
    items = [rail.item(k) for k in rail.keys()]
    assert rail.keys()[-1] == "settings"
    assert [i.isChecked() for i in items].count(True) == 1
    with qtbot.waitSignal(rail.sig_selected) as blocker:
        qtbot.mouseClick(rail.item("token"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["token"]
    assert [i.isChecked() for i in items].count(True) == 1
    qtbot.mouseClick(rail.item("token"), Qt.MouseButton.LeftButton)
    assert rail.current() == "token", "clicking the active item keeps it active"
    assert all(i.height() >= 64 for i in items)


def test_nav_rail_keyboard(qtbot):
    rail = _rail(qtbot)
    rail.item("design").setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(rail.sig_selected) as blocker:
        qtbot.keyClick(rail.item("design"), Qt.Key.Key_Down)
    assert blocker.args == ["describe"]
    qtbot.keyClick(rail.item("describe"), Qt.Key.Key_End)
    assert rail.current() == "settings"
    qtbot.keyClick(rail.item("settings"), Qt.Key.Key_Down)
    assert rail.current() == "design", "arrows wrap around"


def test_status_chip_variants_always_carry_words(qtbot, tmp_path):
    chip = StatusChip("TEST", "info", "info")
    qtbot.addWidget(chip)
    chip.show()
    chip.grab().save(str(tmp_path / "chip.png"))
    assert chip.text() == "TEST" and chip.variant() == "info"
    chip.set_state("Ready", "neutral", "success")
    assert chip.property("variant") == "neutral"
    with pytest.raises(ValueError):
        chip.set_variant("purple")  # type: ignore[arg-type]


def test_empty_state_offers_actions(qtbot, tmp_path):
    empty = EmptyState("design", "No model yet", "Import one, or try the demo.", "Import model…", "Try the demo")
    qtbot.addWidget(empty)
    empty.resize(640, 480)
    empty.show()
    qtbot.waitExposed(empty)
    empty.grab().save(str(tmp_path / "empty_state.png"))
    assert empty.primary_button.property("primary") is True
    with qtbot.waitSignal(empty.sig_primary_clicked):
        qtbot.mouseClick(empty.primary_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(empty.sig_secondary_clicked):
        qtbot.mouseClick(empty.secondary_button, Qt.MouseButton.LeftButton)


def test_card(qtbot):
    card = Card("Settings")
    qtbot.addWidget(card)
    card.add_widget(QLabel("Prompt"))
    assert card.objectName() == "card" and card.title() == "Settings"


def test_form_labels_sit_level_with_touch_sized_fields_and_with_the_first_line_of_a_text_area(qtbot):
    from PySide6.QtWidgets import QWidget

    from ui.widgets.form_layout import form_layout

    page = QWidget()
    qtbot.addWidget(page)
    form = form_layout(page)
    field, notes = QLineEdit(), QPlainTextEdit()
    field.setMinimumHeight(44)
    form.addRow("Model", field)
    form.addRow("Notes", notes)
    page.resize(420, 320)
    page.show()
    qtbot.waitExposed(page)

    label = form.labelForField(field)
    assert abs(label.geometry().center().y() - field.geometry().center().y()) <= 1
    beside_text_area = form.labelForField(notes)
    assert beside_text_area.geometry().top() == notes.geometry().top()  # not floated to the middle of a tall box
