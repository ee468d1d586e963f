"""One way to run background work: only app/executors.py makes threads or pools, and only ui/tasks.py brings answers
back to the UI thread. A module that starts its own pool, thread or QRunnable, or polls a future with a QTimer,
fails here with its file and line. Timers for UI purposes (a debounce, an animation, the idle lock) are fine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"app/executors.py", "ui/tasks.py"}
POOLS = {"ThreadPoolExecutor", "ProcessPoolExecutor", "QThreadPool", "Thread", "QThread", "Timer"}
WORKER_BASES = {"QRunnable", "QThread", "Thread"}
FUTURE_POLLS = {"done", "result", "exception", "cancelled", "running"}  # called on a future from a timer's slot


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _timer_slots(tree: ast.AST) -> set[str]:
    """Names of functions a QTimer calls: `t.timeout.connect(f)`, `QTimer(timeout=f)`, `QTimer.singleShot(ms, f)`."""
    slots = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "connect" and _name(func.value) == "timeout":
            slots.update(_name(arg) for arg in node.args)
        elif _name(func) == "QTimer":
            slots.update(_name(kw.value) for kw in node.keywords if kw.arg == "timeout")
        elif isinstance(func, ast.Attribute) and func.attr == "singleShot" and _name(func.value) == "QTimer":
            slots.update(_name(arg) for arg in node.args[1:])
    return slots - {""}


def _polls_a_future(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FUTURE_POLLS:
            owner = node.func.value
            # `x.future.done()`, `future.done()`, `self._future.result()`: what a poll for an answer looks like
            if "future" in _name(owner).lower() or (isinstance(owner, ast.Attribute) and owner.attr == "future"):
                return True
        if isinstance(node, ast.Attribute) and node.attr == "finished" and not isinstance(node.ctx, ast.Store):
            if "job" in _name(node.value).lower():  # `job.finished`: the old import dialog's poll
                return True
    return False


def offences(source: str, where: str = "<source>") -> list[str]:
    """Every way `source` runs or polls background work by itself, as 'where:line what'."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in POOLS:
            if _name(node.func) == "Timer" and not (
                isinstance(node.func, ast.Attribute) and _name(node.func.value) == "threading"
            ):
                continue  # only threading.Timer is a thread; QTimer is checked below
            found.append(f"{where}:{node.lineno} makes a {_name(node.func)}")
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                if _name(base) in WORKER_BASES:
                    found.append(f"{where}:{node.lineno} subclasses {_name(base)}")
    slots = _timer_slots(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in slots and _polls_a_future(node):
            found.append(f"{where}:{node.lineno} polls a future from a QTimer ({node.name})")
    return found


BAD = {
    "a thread pool": "from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor(2)\n",
    "a process pool": "import concurrent.futures as cf\npool = cf.ProcessPoolExecutor()\n",
    "a Qt thread pool": "from PySide6.QtCore import QThreadPool\nclass L:\n    def __init__(self):\n"
    "        self.pool = QThreadPool(self)\n",
    "a QRunnable": "from PySide6.QtCore import QRunnable\nclass Job(QRunnable):\n    def run(self):\n        pass\n",
    "a QThread subclass": "from PySide6.QtCore import QThread\nclass W(QThread):\n    pass\n",
    "threading.Thread": "import threading\nthreading.Thread(target=print, daemon=True).start()\n",
    "a bare Thread": "from threading import Thread\nt = Thread(target=print)\n",
    "a Thread subclass": "import threading\nclass W(threading.Thread):\n    pass\n",
    "threading.Timer": "import threading\nthreading.Timer(1.0, print).start()\n",
    "a timer polling future.done()": "class T:\n    def __init__(self):\n        self._t = QTimer(self)\n"
    "        self._t.timeout.connect(self._poll)\n    def _poll(self):\n        if self.future.done():\n"
    "            self._t.stop()\n",
    "a timer polling by keyword": "class T:\n    def __init__(self):\n"
    "        self._t = QTimer(self, interval=30, timeout=self._check)\n    def _check(self):\n"
    "        return self._future.result()\n",
    "a timer polling a job": "class D:\n    def start(self):\n        self.timer.timeout.connect(self._on_poll)\n"
    "    def _on_poll(self):\n        if not self._job.finished:\n            return\n",
    "a single shot polling": "def later(future):\n    QTimer.singleShot(30, check)\ndef check():\n"
    "    return some_future.done()\n",
}

FINE = {
    "a debounce timer": "class V:\n    def __init__(self):\n        self._search = QTimer(self, singleShot=True)\n"
    "        self._search.timeout.connect(self._run_search)\n    def _run_search(self):\n"
    "        self.model.set_filter(self.box.text())\n",
    "an idle lock": "class W:\n    def __init__(self):\n"
    "        self._idle = QTimer(self, interval=1000, timeout=self._check_idle)\n"
    "    def _check_idle(self):\n        self.service.touch()\n",
    "a frame timer": "class B:\n    def __init__(self):\n        self._frame = QTimer(self)\n"
    "        self._frame.timeout.connect(self._flush)\n    def _flush(self):\n        self._steps.clear()\n",
    "the named executors": "from app.executors import run\nfuture = run('disk', print)\n",
    "a QTimer alone": "from PySide6.QtCore import QTimer\nt = QTimer()\n",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_the_check_finds_each_way_of_running_work_by_oneself(kind):
    assert offences(BAD[kind]), f"{kind} went unnoticed"


@pytest.mark.parametrize("kind", sorted(FINE))
def test_the_check_leaves_ui_timers_and_the_executors_alone(kind):
    assert offences(FINE[kind]) == []


def test_only_the_executors_and_the_task_relay_run_background_work():
    found = []
    for package in ("app", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            if where not in ALLOWED:
                found += offences(path.read_text(encoding="utf-8"), where)
    assert found == [], "run background work through app/executors.py and ui/tasks.py:\n" + "\n".join(found)


def test_the_old_mechanism_is_gone():
    assert not (ROOT / "ui" / "background.py").exists()
    users = [
        path.relative_to(ROOT).as_posix()
        for package in ("app", "ui", "tests", "scripts")
        for path in (ROOT / package).rglob("*.py")
        if "node_modules" not in path.parts
        and path != Path(__file__).resolve()
        and "ui.background" in path.read_text(encoding="utf-8")
    ]
    assert users == []
