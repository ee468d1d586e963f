"""The application stylesheet as a `string.Template`; every value comes from ui/theme.py.

Widgets opt in with objectNames (`card`, `navRail`, `statusChip`, `errorBanner`, ...) or
dynamic properties (`primary`, `danger`, `role`, `variant`, `severity`).
"""

QSS_TEMPLATE = """
QMainWindow, QDialog, QStackedWidget#workspaces { background: $background; }
QWidget { color: $text; }
QWidget:disabled { color: $text_disabled; }

QToolTip {
    background: $raised; color: $text; border: 1px solid $border;
    border-radius: ${radius}px; padding: ${s_xs}px ${s_s}px; font-size: ${font_caption}px;
}

/* Buttons: default, primary, danger, flat. Focus ring is the accent, 2 px. */
QPushButton {
    background: $raised; color: $text; border: 1px solid $border; border-radius: ${radius}px;
    padding: 0 ${s_l}px; min-height: ${control_h}px; min-width: 64px;
}
QPushButton:hover { background: $hover; border-color: $border_strong; }
QPushButton:pressed, QPushButton:checked { background: $pressed; }
QPushButton:focus { border: 2px solid $accent; padding: 0 15px; min-height: ${control_h_focus}px; }
QPushButton:disabled { background: $surface; color: $text_disabled; border-color: $border; }

QPushButton[primary="true"] {
    background: $accent; color: $on_accent; border: 1px solid $accent; font-weight: 600;
}
QPushButton[primary="true"]:hover { background: $accent_hover; border-color: $accent_hover; }
QPushButton[primary="true"]:pressed { background: $accent_pressed; border-color: $accent_pressed; }
/* An accent ring around an accent button would vanish: use the text colour. */
QPushButton[primary="true"]:focus { border: 2px solid $text; }
QPushButton[primary="true"]:disabled {
    background: $accent_disabled; color: $on_accent_disabled; border-color: transparent;
}

QPushButton[danger="true"] { background: $danger; color: #FFFFFF; border: 1px solid $danger; font-weight: 600; }
QPushButton[danger="true"]:hover { background: $danger_hover; border-color: $danger_hover; }
QPushButton[danger="true"]:focus { border: 2px solid $text; }

QPushButton[flat="true"] { background: transparent; border: 1px solid transparent; }
QPushButton[flat="true"]:hover { background: $hover; }
QPushButton[flat="true"]:pressed, QPushButton[flat="true"]:checked { background: $pressed; }
QPushButton[flat="true"]:focus { border: 2px solid $accent; }
QPushButton[flat="true"]:disabled { background: transparent; }

QToolButton {
    background: transparent; border: 1px solid transparent; border-radius: ${radius}px;
    padding: ${s_xs}px; min-height: ${control_h}px; min-width: ${control_h}px;
}
QToolButton:hover { background: $hover; }
QToolButton:pressed, QToolButton:checked { background: $pressed; }
QToolButton:focus { border: 2px solid $accent; }
/* A menu button whose label ends in its own ▾ needs no second, Qt-drawn arrow. */
QToolButton[labelArrow="true"]::menu-indicator { image: none; width: 0px; }

/* Inputs */
QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {
    background: $surface; color: $text; border: 1px solid $border; border-radius: ${radius}px;
    padding: 0 ${s_s}px; min-height: ${control_h}px;
    selection-background-color: $accent; selection-color: $on_accent;
}
QPlainTextEdit, QTextEdit, QListView, QTreeView, QTableView {
    background: $surface; color: $text; border: 1px solid $border; border-radius: ${radius}px;
    padding: ${s_xs}px; selection-background-color: $accent; selection-color: $on_accent;
}
QLineEdit:hover, QSpinBox:hover, QDoubleSpinBox:hover, QComboBox:hover,
QPlainTextEdit:hover, QTextEdit:hover { border-color: $border_strong; }
QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus, QComboBox:focus {
    border: 2px solid $accent; padding: 0 7px; min-height: ${control_h_focus}px;
}
QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, QTreeView:focus, QTableView:focus {
    border: 2px solid $accent; padding: 3px;
}
QLineEdit:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled, QComboBox:disabled,
QPlainTextEdit:disabled, QTextEdit:disabled {
    background: $raised; color: $text_disabled; border-color: $border;
}
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: $raised; }

/* Qt 6.12 ignores padding-left of spin boxes (the value would touch the border): centre the value,
   which also reads well as a stepper. This overrides setAlignment() made before the first show. */
QSpinBox, QDoubleSpinBox { padding-right: ${arrow_box}px; qproperty-alignment: "AlignVCenter|AlignHCenter"; }
QSpinBox:focus, QDoubleSpinBox:focus { padding-right: ${arrow_box}px; }
QSpinBox::up-button, QDoubleSpinBox::up-button {
    subcontrol-origin: border; subcontrol-position: top right; width: ${arrow_box}px;
    border: none; border-top-right-radius: ${radius}px; background: transparent; margin: 2px 2px 0 0;
}
QSpinBox::down-button, QDoubleSpinBox::down-button {
    subcontrol-origin: border; subcontrol-position: bottom right; width: ${arrow_box}px;
    border: none; border-bottom-right-radius: ${radius}px; background: transparent; margin: 0 2px 2px 0;
}
QSpinBox::up-button:hover, QSpinBox::down-button:hover,
QDoubleSpinBox::up-button:hover, QDoubleSpinBox::down-button:hover { background: $hover; }
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow { image: url("$img_up"); width: 12px; height: 12px; }
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow { image: url("$img_down"); width: 12px; height: 12px; }
QSpinBox::up-arrow:disabled, QDoubleSpinBox::up-arrow:disabled { image: url("$img_up_disabled"); }
QSpinBox::down-arrow:disabled, QDoubleSpinBox::down-arrow:disabled { image: url("$img_down_disabled"); }

QComboBox { padding-right: ${arrow_box}px; }
QComboBox:focus { padding-right: ${arrow_box}px; }
QComboBox::drop-down {
    subcontrol-origin: border; subcontrol-position: center right; width: ${arrow_box}px; border: none;
}
QComboBox::down-arrow { image: url("$img_down"); width: 14px; height: 14px; }
QComboBox::down-arrow:disabled { image: url("$img_down_disabled"); }
QComboBox QAbstractItemView {
    background: $raised; color: $text; border: 1px solid $border; padding: ${s_xs}px; outline: none;
    selection-background-color: $accent_tint; selection-color: $text;
}

QCheckBox, QRadioButton { spacing: ${s_s}px; min-height: ${control_h}px; }
QCheckBox::indicator, QRadioButton::indicator {
    width: ${check_size}px; height: ${check_size}px; background: $surface;
    border: 1px solid $border_strong; border-radius: ${check_radius}px;
}
QRadioButton::indicator { border-radius: ${radio_radius}px; }
QCheckBox::indicator:hover, QRadioButton::indicator:hover { border-color: $text_secondary; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus { border: 2px solid $accent; }
QCheckBox::indicator:checked { background: $accent; border-color: $accent; image: url("$img_check"); }
QCheckBox::indicator:checked:focus { border: 2px solid $text; }
QRadioButton::indicator:checked { border-color: $accent; image: url("$img_dot"); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { background: $raised; border-color: $border; }
QCheckBox::indicator:checked:disabled { background: $accent_disabled; border-color: transparent; }

QSlider { min-height: ${control_h}px; }
QSlider::groove:horizontal { height: 4px; background: $border; border-radius: 2px; }
QSlider::sub-page:horizontal { background: $accent; border-radius: 2px; }
QSlider::handle:horizontal {
    background: $accent; border: 2px solid $accent; width: ${slider_handle}px; height: ${slider_handle}px;
    margin: -${slider_margin}px 0; border-radius: ${slider_radius}px;
}
QSlider::handle:horizontal:hover { background: $accent_hover; }
QSlider::handle:horizontal:focus { border: 2px solid $text; }
QSlider::groove:horizontal:disabled, QSlider::sub-page:horizontal:disabled { background: $border; }
QSlider::handle:horizontal:disabled { background: $text_disabled; border-color: $text_disabled; }

/* Thin, rounded scroll bars that stay out of the picture. */
QScrollBar:vertical { background: transparent; width: ${scroll_width}px; margin: 2px; }
QScrollBar:horizontal { background: transparent; height: ${scroll_width}px; margin: 2px; }
QScrollBar::handle:vertical { background: $scroll_handle; border-radius: 3px; min-height: 32px; }
QScrollBar::handle:horizontal { background: $scroll_handle; border-radius: 3px; min-width: 32px; }
QScrollBar::handle:hover { background: $scroll_handle_hover; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }

QTabWidget::pane { border: 1px solid $border; border-radius: ${radius_card}px; top: -1px; }
QTabBar::tab {
    background: transparent; color: $text_secondary; border: none; border-bottom: 2px solid transparent;
    padding: ${s_s}px ${s_l}px; min-height: ${control_h_focus}px;
}
QTabBar::tab:hover { color: $text; }
QTabBar::tab:selected { color: $text; border-bottom: 2px solid $accent; }
QTabBar::tab:focus { background: $accent_tint; }

/* Thin bar: put numbers in a label with tabular_font() instead of drawing text inside. */
QProgressBar {
    background: $raised; border: none; border-radius: 4px;
    min-height: 8px; max-height: 8px; qproperty-textVisible: false;
}
QProgressBar::chunk { background: $accent; border-radius: 4px; }

QMenu { background: $raised; border: 1px solid $border; border-radius: ${radius}px; padding: ${s_xs}px; }
QMenu::item { padding: ${s_s}px ${s_l}px; border-radius: 6px; }
QMenu::item:selected { background: $hover; }

QStatusBar { background: $surface; border-top: 1px solid $border; color: $text_secondary; }
QStatusBar::item { border: none; }
QStatusBar QLabel { color: $text_secondary; font-size: ${font_caption}px; }

/* Text roles */
QLabel[role="title"] { font-size: ${font_title}px; font-weight: 600; }
QLabel[role="section"] { font-size: ${font_section}px; font-weight: 600; }
QLabel[role="emphasis"] { font-size: ${font_emphasis}px; font-weight: 600; }
QLabel[role="caption"] { font-size: ${font_caption}px; color: $text_secondary; }
QLabel[role="secondary"] { color: $text_secondary; }

/* Cards */
QFrame#card { background: $surface; border: 1px solid $border; border-radius: ${radius_card}px; }

/* Navigation rail */
QFrame#navRail { background: $surface; border: none; border-right: 1px solid $border; }
QToolButton#navItem {
    color: $text_secondary; font-size: ${font_caption}px; border: 2px solid transparent;
    border-radius: ${radius_card}px; padding: ${s_s}px ${s_xs}px ${s_xs}px ${s_xs}px;
    min-height: ${nav_item_h}px; min-width: 0;
}
QToolButton#navItem:hover { background: $hover; color: $text; }
QToolButton#navItem:checked { background: $raised; color: $text; font-weight: 600; }
/* Ring only for keyboard focus: a clicked item already shows the indicator. */
QToolButton#navItem:focus { border: 2px solid transparent; }
QToolButton#navItem[keyboardFocus="true"]:focus { border: 2px solid $accent; }

/* Status chips: tinted pill, coloured edge, plus icon and word so colour is never the only cue. */
QFrame#statusChip {
    background: $neutral_tint; border: 1px solid $neutral_edge; border-radius: ${radius_chip}px;
    min-height: ${chip_h}px; max-height: ${chip_h}px;
}
QFrame#statusChip[variant="info"] { background: $info_tint; border-color: $info_edge; }
QFrame#statusChip[variant="success"] { background: $success_tint; border-color: $success_edge; }
QFrame#statusChip[variant="warning"] { background: $warning_tint; border-color: $warning_edge; }
QFrame#statusChip[variant="danger"] { background: $danger_tint; border-color: $danger_edge; }
QFrame#statusChip QLabel { background: transparent; color: $text; font-size: ${font_caption}px; font-weight: 600; }

/* Error banner */
QFrame#errorBanner { background: $danger_tint; border: 1px solid $danger_edge; border-radius: ${radius_card}px; }
QFrame#errorBanner[severity="warning"] { background: $warning_tint; border-color: $warning_edge; }
QFrame#errorBanner[severity="info"] { background: $info_tint; border-color: $info_edge; }
QFrame#errorBanner QLabel { background: transparent; }
QLabel#errorSeverity { font-weight: 700; }
QPlainTextEdit#errorDetails {
    background: $background; font-family: $mono; font-size: ${font_caption}px;
}

/* Empty states and placeholders */
QLabel#emptyIcon, QLabel#placeholderIcon {
    background: $raised; border: 1px solid $border; border-radius: ${empty_icon_radius}px;
}

/* Design studio */
QFrame#inspectorPanel { background: $surface; border-left: 1px solid $border; }
QWidget#inspectorBody, QScrollArea#inspector { background: $surface; }
QPushButton[segment="true"] { min-width: 0; padding: 0 ${s_s}px; }
QPushButton[segment="true"]:checked { background: $accent_tint; border: 1px solid $accent; color: $text; font-weight: 600; }
QListWidget#thumbnailStrip { background: transparent; border: none; padding: 0; }
/* The Curation gallery sits on the page like the Library's grid: no box of its own. */
QAbstractItemView#curationGrid, QAbstractItemView#curationGrid:focus { background: transparent; border: none; padding: 0; }
QListWidget#thumbnailStrip::item { border: 2px solid transparent; border-radius: ${radius}px; padding: 2px; }
QListWidget#thumbnailStrip::item:hover { background: $hover; }
QListWidget#thumbnailStrip::item:selected { background: transparent; border: 2px solid $accent; }
"""
