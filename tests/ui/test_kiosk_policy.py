"""Kiosk as a policy (app/kiosk.py): under KIOSK no path in the real window reaches Settings, a file dialog, a
wallet's keys, the advanced controls or Delete; under DESKTOP every one of them is there. And no view in ui/ asks
"is this a kiosk?" itself: the only `kiosk` left in ui/ is where `--kiosk` becomes a Policy (ui/entry.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtGui import QShortcut

from app.config import load_settings
from app.kiosk import DESKTOP, KIOSK, RULES, policy_for
from tests.fixtures.designs import add_plain_design
from tests.ui.studio_helpers import OPEN, close_app
from ui.app_controller import AppController
from ui.models.first_run_view import IMPORT_SHORTCUT
from ui.theme import apply_theme

UI_DIR = Path(__file__).resolve().parents[2] / "ui"
HAND_OVER = ("entry.py", "args.kiosk")  # the one place --kiosk is read, to pick the Policy
# The kiosk's own package is the kiosk (it never asks whether it is one); the composition root builds its window
# where `policy.guided_flow` says so and refers to it by name.
KIOSK_PACKAGE = "kiosk/"
KIOSK_WINDOW_NAMES = {"KioskWindow", "kiosk_window"}
# The desktop Settings card that sets kiosk mode up edits the kiosk section of the settings; it decides nothing about
# how a view behaves.
SETS_UP_THE_KIOSK = "settings/kiosk_settings_card.py"


def shown(widget) -> bool:
    """Not hidden on purpose (it may still sit on a page that is not current, or under a folded section)."""
    return not widget.isHidden()


def import_shortcut_answers(app) -> bool:
    """Ctrl+I on the first-run page: does it still ask for the import dialog?"""
    asked = []
    app.first_run.sig_import_requested.connect(lambda: asked.append(True))
    shortcut = next(s for s in app.first_run.findChildren(QShortcut) if s.key().toString() == IMPORT_SHORTCUT)
    shortcut.activated.emit()
    return bool(asked)


def advanced_unfolds(app) -> bool:
    controls = app.studio.controls
    controls.show_advanced(True)
    unfolded = controls.advanced.isVisibleTo(controls)
    controls.show_advanced(False)
    return unfolded


# Every way in, by the policy rule that decides it: (what a person could reach, rule, is it reachable?)
PATHS = [
    ("the Settings workspace", "may_open_settings", lambda app: "settings" in app.window.workspace_keys()),
    ("Ctrl+, for Settings", "may_open_settings", lambda app: app.window.shortcut_for("settings") is not None),
    ('Describe\'s "Add a key…" to Settings', "may_open_settings", lambda app: app.describe_view.can_open_settings),
    ("Import model… in the studio", "may_use_files", lambda app: shown(app.studio.controls.import_model)),
    ("Import model… on the first-run page", "may_use_files", lambda app: shown(app.first_run.import_button)),
    ("Ctrl+I on the first-run page", "may_use_files", import_shortcut_answers),
    ("Open the models folder", "may_use_files", lambda app: shown(app.first_run.user_folder_row.open_button)),
    ("Export CAR…", "may_use_files", lambda app: shown(app.token_view.export_button)),
    ("import a wallet", "may_manage_keys", lambda app: app.wallet_view.onboarding.secondary_button is not None),
    ("the account menu: export keystore…", "may_manage_keys", lambda app: shown(app.wallet_view.more_button)),
    ("send KAIA", "may_manage_keys", lambda app: shown(app.wallet_view.send_button)),
    ("another network", "may_switch_network", lambda app: shown(app.wallet_view.network_combo)),
    ("the wallet's activity", "sees_every_design", lambda app: shown(app.wallet_view.activity.parentWidget())),
    ("Advanced settings: seed, sampler", "may_see_advanced", lambda app: shown(app.studio.controls.advanced_toggle)),
    ("the seed, unfolded by code", "may_see_advanced", advanced_unfolds),
    ("what the model sees", "may_see_advanced", lambda app: shown(app.studio.controls.final_box)),
    ("the CID profile", "may_see_advanced", lambda app: shown(app.token_view.profile_combo)),
    ("the token's JSON tab", "may_see_advanced", lambda app: shown(app.token_view.tabs)),
    ("Verify", "may_see_advanced", lambda app: shown(app.token_view.verify_button)),
    ("Delete a design", "may_delete_designs", lambda app: app.library_vm.may_delete),
]


def open_with(qtbot, qapp, policy) -> AppController:
    apply_theme(qapp, "dark", policy=policy)  # the conftest puts the desktop theme back
    controller = AppController(load_settings(), policy=policy)
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.resize(1280, 800)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller


def show_a_token(qtbot, app) -> None:
    """A described design in the Token workspace: its JSON tab and actions exist only with a token to show."""
    design = add_plain_design(app.services.library)
    app.services.library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
    app.token_vm.set_design(design, "en")
    app.window.show_workspace("token")
    qtbot.waitUntil(lambda: app.token_vm.draft is not None and not app.token_vm.loading, timeout=10_000)


@pytest.mark.parametrize("policy", [KIOSK, DESKTOP], ids=["kiosk", "desktop"])
def test_each_path_is_there_exactly_when_the_policy_allows_it(qtbot, qapp, tiny_sd15, policy):
    app = open_with(qtbot, qapp, policy)
    try:
        show_a_token(qtbot, app)
        reachable = {what for what, _rule, check in PATHS if check(app)}
        allowed = {what for what, rule, _check in PATHS if getattr(policy, rule)}
        assert reachable == allowed
    finally:
        close_app(app)


def test_at_a_kiosk_every_rule_says_no_and_on_the_desktop_yes():
    """The rules the views read: a kiosk forbids every one (and is touch-sized); the desktop allows every one."""
    assert policy_for(True) is KIOSK and policy_for(False) is DESKTOP
    forbidding = {
        "touch_sized": True,
        "sees_every_design": False,
        "mints_to_visitor": True,
        "guided_flow": True,
        "enforces_content_safety": True,
        "obeys_server_only": True,
    }
    for rule in RULES:
        kiosk_value = forbidding.get(rule, False)
        assert getattr(KIOSK, rule) is kiosk_value, rule
        assert getattr(DESKTOP, rule) is (not kiosk_value), rule
    not_paths = {"touch_sized", "mints_to_visitor", "guided_flow", "enforces_content_safety", "obeys_server_only"}
    assert {rule for _what, rule, _check in PATHS} >= set(RULES) - not_paths


def _names(node: ast.AST) -> list[str]:
    """The names a node gives or uses: a variable, attribute, argument, keyword, definition, or a compared word."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        return [node.attr]
    if isinstance(node, (ast.arg, ast.keyword)):
        return [node.arg or ""]
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Compare):
        operands = (node.left, *node.comparators)
        return [c.value for c in operands if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return []


def kiosk_questions(code: str, where: str) -> list[str]:
    """Code (not comments or docstrings) that asks about a kiosk, but for the hand-over in ui/entry.py."""
    found = []
    if where.startswith(KIOSK_PACKAGE) or where == SETS_UP_THE_KIOSK:
        return found
    for node in ast.walk(ast.parse(code)):
        if where == HAND_OVER[0] and isinstance(node, ast.Attribute) and ast.unparse(node) == HAND_OVER[1]:
            continue
        names = [name for name in _names(node) if name not in KIOSK_WINDOW_NAMES]
        found += [f"{where}:{node.lineno}: {name}" for name in names if "kiosk" in name.lower()]
    return found


def test_no_view_decides_for_itself_whether_it_is_a_kiosk():
    """Views read the Policy they are given; `--kiosk` is read once, in ui/entry.py, and turned into one."""
    questions = []
    for path in sorted(UI_DIR.rglob("*.py")):
        questions += kiosk_questions(path.read_text(encoding="utf-8"), path.relative_to(UI_DIR).as_posix())
    assert questions == []


@pytest.mark.parametrize(
    "code",
    [
        "if self.kiosk:\n    pass",
        "view = WalletView(vm, [], kiosk=True)",
        "def build(kiosk: bool = False):\n    pass",
        'if policy.name == "kiosk":\n    pass',
        "touch = TOUCH if is_kiosk else DESKTOP",
        "if theme_manager().kiosk:\n    pass",
        "return run_app(kiosk=args.kiosk)",  # the hand-over itself, anywhere but ui/entry.py
    ],
)
def test_the_check_finds_a_kiosk_question_however_it_is_asked(code):
    assert kiosk_questions(code, "design/studio_view.py")


def test_the_hand_over_is_the_one_place_allowed():
    assert kiosk_questions("return run_app(policy_for(args.kiosk))", "entry.py") == []
    assert kiosk_questions("return run_app(kiosk=args.kiosk)", "entry.py")  # a kiosk flag past it is not


@pytest.mark.parametrize("policy", [KIOSK, DESKTOP], ids=["kiosk", "desktop"])
def test_an_unusable_data_folder_offers_a_folder_dialog_only_on_the_desktop(qtbot, qapp, tmp_path, monkeypatch, policy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    app = open_with(qtbot, qapp, policy)
    try:
        page = app.storage_page
        words = [b.text() for b in (page.primary_button, page.secondary_button) if b is not None]
        assert ("Choose another folder…" in words) is policy.may_use_files
        assert "Try again" in words  # staff can fix the folder and try again without a file dialog
        assert not app.retry_storage()  # still unusable: still explained, no crash
    finally:
        close_app(app)
