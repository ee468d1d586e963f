"""Range and choice checks every settings section's `validated()` shares.

A bad value (a negative timeout, NaN, a number where text belongs, a device nobody offers) is reset to the
field's default with a logged reason, so what the app runs with is always something it can run with. The settings
dialogs use the same LIMITS to refuse such input before it is saved.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from typing import Any, Mapping, TypeVar

log = logging.getLogger("app.config")

T = TypeVar("T")
Number = int | float


def fix_fields(
    section: str,
    instance: T,
    *,
    limits: Mapping[str, tuple[Number, Number]] = {},
    choices: Mapping[str, tuple[Any, ...]] = {},
    required: tuple[str, ...] = (),
    reasons: list[str] | None = None,
) -> T:
    """`instance` with every out-of-range, non-finite or wrongly typed field reset to its default.

    Types are those of the defaults (an int field takes no float or bool; a float field takes an int); `required`
    text fields may not be blank. Each reset
    is logged and, when `reasons` is given, appended to it as "section.field: why"."""
    fixes: dict[str, Any] = {}
    for f in dataclasses.fields(instance):
        value = getattr(instance, f.name)
        default = _default(f)
        if default is dataclasses.MISSING or dataclasses.is_dataclass(default):
            continue
        problem = type_problem(value, default)
        if problem is None and f.name in limits:
            low, high = limits[f.name]
            if isinstance(value, float) and not math.isfinite(value):
                problem = "is not a finite number"
            elif not low <= value <= high:
                problem = f"{_show(value)} is not between {_bound(low)} and {_bound(high)}"
        if problem is None and f.name in choices and value not in choices[f.name]:
            problem = f"{_show(value)} is not one of {', '.join(map(str, choices[f.name]))}"
        if problem is None and f.name in required and not value.strip():
            problem = "is empty"
        if problem is not None:
            reason = f"{section + '.' if section else ''}{f.name}: {problem}; using {_show(default)}"
            log.warning("Setting reset to its default: %s", reason)
            if reasons is not None:
                reasons.append(reason)
            fixes[f.name] = default
        elif isinstance(default, float) and isinstance(value, int):
            fixes[f.name] = float(value)
    return dataclasses.replace(instance, **fixes) if fixes else instance


def type_problem(value: Any, default: Any) -> str | None:
    """Why `value` cannot stand where `default` does, or None."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    else:
        ok = isinstance(value, type(default))
    return None if ok else f"{kind(value)} where {kind(default)} belongs"


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a value of another kind"


def _default(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _bound(value: Number) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _show(value: Any) -> str:
    # Only scalars are shown: a hostile file can hold nesting that repr would recurse into.
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        return "a very large number"
    if isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    return kind(value)
