"""Observable view-model properties and two-way widget bindings (DESIGN.md rule 4).

    class DesignViewModel(ViewModel):
        prompt = observable("")
        steps = observable(25)

    vm = DesignViewModel()
    vm.steps_changed.connect(...)            # generated for every observable
    bind(vm, "prompt", prompt_edit, "text")  # QLineEdit <-> vm.prompt
    bind(vm, "status", status_label, "text") # one way, shown as plain text

Setting a property to an equal value emits nothing.
Fill a QComboBox before binding it (or call `Binding.refresh()` after refilling it), because adding
the first item selects it and that selection would flow into the model. A binding never writes a value the widget
already has (setText would move the cursor, setPlainText would drop the undo history) and it
ignores the widget's echo while it is writing, so no update ever loops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar, overload

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

T = TypeVar("T")


class observable(Generic[T]):  # noqa: N801 - reads like a field declaration, as `dataclasses.field` does
    """Declares a view-model property; `ViewModel` adds a `<name>_changed` signal for it."""

    def __init__(self, default: T, signal_type: type = object) -> None:
        self.default = default
        self.signal_type = signal_type
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> observable[T]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> T: ...
    def __get__(self, instance, owner):
        if instance is None:
            return self
        values = instance.__dict__.setdefault("_observable_values", {})
        if self.name not in values:
            # Copy mutable defaults so instances never share one list or dict.
            values[self.name] = _copy(self.default)
        return values[self.name]

    def __set__(self, instance: QObject, value: T) -> None:
        values = instance.__dict__.setdefault("_observable_values", {})
        previous = values[self.name] if self.name in values else self.__get__(instance, type(instance))
        if _equal(previous, value):
            return
        values[self.name] = value
        getattr(instance, f"{self.name}_changed").emit(value)


class _ViewModelMeta(type(QObject)):  # type: ignore[misc]
    """Adds a `<name>_changed` Signal for each `observable` before Qt builds the class's meta-object."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        for attr, value in list(namespace.items()):
            if isinstance(value, observable):
                namespace.setdefault(f"{attr}_changed", Signal(value.signal_type))
        return super().__new__(mcls, name, bases, namespace, **kwargs)


class ViewModel(QObject, metaclass=_ViewModelMeta):
    """Base for view-models: state a view shows, as observable properties; no widgets in here."""

    @classmethod
    def observables(cls) -> list[str]:
        return [n for klass in reversed(cls.__mro__) for n, v in vars(klass).items() if isinstance(v, observable)]


# --- widget adapters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Adapter:
    get: Callable[[QWidget], Any]
    set: Callable[[QWidget, Any], None]
    signal: str | None  # name of the widget's change signal; None = one way only
    clamps: bool = False  # the widget may store a different value than asked (range, rounding)


def _combo_set(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _label_set(label: QLabel, value: Any) -> None:
    # Bound text comes from models, APIs and users: never let it be read as rich text (DESIGN.md rule 6).
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText("" if value is None else str(value))


_ADAPTERS: list[tuple[type, str, _Adapter]] = [
    (QLineEdit, "text", _Adapter(QLineEdit.text, QLineEdit.setText, "textChanged")),
    (QPlainTextEdit, "plainText", _Adapter(QPlainTextEdit.toPlainText, QPlainTextEdit.setPlainText, "textChanged")),
    (QTextEdit, "plainText", _Adapter(QTextEdit.toPlainText, QTextEdit.setPlainText, "textChanged")),
    (QDoubleSpinBox, "value", _Adapter(QDoubleSpinBox.value, QDoubleSpinBox.setValue, "valueChanged", True)),
    (QSpinBox, "value", _Adapter(QSpinBox.value, QSpinBox.setValue, "valueChanged", True)),
    (QAbstractSlider, "value", _Adapter(QAbstractSlider.value, QAbstractSlider.setValue, "valueChanged", True)),
    (QComboBox, "currentData", _Adapter(QComboBox.currentData, _combo_set, "currentIndexChanged")),
    (QComboBox, "currentText", _Adapter(QComboBox.currentText, QComboBox.setCurrentText, "currentTextChanged")),
    (QAbstractButton, "checked", _Adapter(QAbstractButton.isChecked, QAbstractButton.setChecked, "toggled")),
    (QLabel, "text", _Adapter(QLabel.text, _label_set, None)),
    (QWidget, "enabled", _Adapter(QWidget.isEnabled, QWidget.setEnabled, None)),
    (QWidget, "visible", _Adapter(lambda w: not w.isHidden(), QWidget.setVisible, None)),
]


def _adapter_for(widget: QWidget, prop: str) -> _Adapter:
    for klass, name, adapter in _ADAPTERS:
        if name == prop and isinstance(widget, klass):
            return adapter
    # Fall back to the Qt property system, so custom widgets with a NOTIFY signal bind too.
    meta = widget.metaObject()
    index = meta.indexOfProperty(prop)
    if index < 0:
        raise ValueError(f"{type(widget).__name__} has no bindable property {prop!r}")  # i18n: not shown
    mp = meta.property(index)
    notify = mp.notifySignal()
    signal = bytes(notify.name()).decode() if mp.hasNotifySignal() else None
    return _Adapter(lambda w: w.property(prop), lambda w, v: w.setProperty(prop, v), signal)


class Binding(QObject):
    """One model property tied to one widget property. A child of the widget, so it dies with it."""

    def __init__(
        self,
        model: QObject,
        model_prop: str,
        widget: QWidget,
        widget_prop: str,
        two_way: bool,
        to_widget: Callable[[Any], Any] | None,
        to_model: Callable[[Any], Any] | None,
    ) -> None:
        super().__init__(widget)
        self._model, self._model_prop = model, model_prop
        self._widget = widget
        self._adapter = _adapter_for(widget, widget_prop)
        self._to_widget = to_widget or (lambda v: v)
        self._to_model = to_model or (lambda v: v)
        self._writing = False  # True while we write to the widget: its echo must not flow back

        self._model_signal = getattr(model, f"{model_prop}_changed")
        self._model_signal.connect(self._on_model_changed)
        self._widget_signal = None
        if two_way:
            if self._adapter.signal is None:
                raise ValueError(f"{type(widget).__name__}.{widget_prop} can only be bound one way")  # i18n: not shown
            self._widget_signal = getattr(widget, self._adapter.signal)
            self._widget_signal.connect(self._on_widget_changed)
        self._on_model_changed(getattr(model, model_prop))

    def refresh(self) -> None:
        """Push the model's value to the widget again, e.g. after a combo box was repopulated."""
        if shiboken6.isValid(self._model):
            self._on_model_changed(getattr(self._model, self._model_prop))

    def unbind(self) -> None:
        if shiboken6.isValid(self._model):
            self._model_signal.disconnect(self._on_model_changed)
        if self._widget_signal is not None and shiboken6.isValid(self._widget):
            self._widget_signal.disconnect(self._on_widget_changed)
        self.deleteLater()

    def _on_model_changed(self, value: Any) -> None:
        if not shiboken6.isValid(self._widget):
            return
        wanted = self._to_widget(value)
        if _equal(self._adapter.get(self._widget), wanted):
            return
        self._writing = True
        try:
            self._adapter.set(self._widget, wanted)
        finally:
            self._writing = False
        # A spin box or slider may have clamped or rounded the value: its range wins and the model
        # learns the value the user actually sees. (A combo without the item does not: its items
        # may still be loading, and the model's choice must survive that.)
        if self._widget_signal is not None and self._adapter.clamps:
            shown = self._adapter.get(self._widget)
            if not _equal(shown, wanted):
                self._on_widget_changed()

    def _on_widget_changed(self, *_args: Any) -> None:
        if self._writing or not shiboken6.isValid(self._model):
            return
        if isinstance(self._widget, QComboBox) and self._widget.currentIndex() < 0:
            return  # cleared while repopulating: not a choice the user made
        setattr(self._model, self._model_prop, self._to_model(self._adapter.get(self._widget)))


def bind(
    model: QObject,
    model_prop: str,
    widget: QWidget,
    widget_prop: str,
    *,
    two_way: bool | None = None,
    to_widget: Callable[[Any], Any] | None = None,
    to_model: Callable[[Any], Any] | None = None,
) -> Binding:
    """Keep `widget.widget_prop` in step with `model.model_prop`; the model's value wins at the start.

    Two way unless the widget property has no change signal (QLabel text, enabled, visible).
    `to_widget`/`to_model` convert between the two, e.g. an int model shown in a QLabel.
    """
    if two_way is None:
        two_way = _adapter_for(widget, widget_prop).signal is not None
    return Binding(model, model_prop, widget, widget_prop, two_way, to_widget, to_model)


def _equal(a: Any, b: Any) -> bool:
    try:
        return bool(a == b) and type(a) is type(b) or (_both_numbers(a, b) and a == b)
    except Exception:  # e.g. numpy arrays: treat as changed rather than crash
        return a is b


def _both_numbers(a: Any, b: Any) -> bool:
    return (
        isinstance(a, (int, float))
        and isinstance(b, (int, float))
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    )


def _copy(value: Any) -> Any:
    if isinstance(value, (list, dict, set)):
        return type(value)(value)
    return value
