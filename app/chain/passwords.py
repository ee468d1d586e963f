"""Passwords that protect a keystore: the rule a new one must meet, and a strength hint from zxcvbn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.chain import messages as msgs

MIN_PASSWORD_LENGTH = 8
STRENGTH_LABELS = ("Very weak", "Weak", "Fair", "Good", "Strong")
_APP_WORDS = ("sm6", "renault", "kaia", "klaytn", "wallet", "design", "studio")  # guessable from the screen
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters already tell how strong it is


@dataclass(frozen=True)
class PasswordStrength:
    score: int  # zxcvbn's 0-4
    label: str
    hint: str  # one short sentence, or "" when there is nothing to add


def password_problem(password: str, confirmation: str) -> str | None:
    """None when `password` may protect a new keystore; else what to change, in plain words."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return str(msgs.PASSWORD_TOO_SHORT(min_password_length=MIN_PASSWORD_LENGTH))
    if password != confirmation:
        return str(msgs.PASSWORDS_DIFFER())
    return None


def password_strength(password: str, user_inputs: Iterable[str] = ()) -> PasswordStrength:
    """zxcvbn's 0-4 score with a label and one hint. Weak but long enough is allowed; the UI shows the hint."""
    if not password:
        return PasswordStrength(
            0, STRENGTH_LABELS[0], str(msgs.PASSWORD_HINT_EMPTY(min_password_length=MIN_PASSWORD_LENGTH))
        )
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=[*_APP_WORDS, *user_inputs])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    # zxcvbn's warnings and suggestions are fixed sentences; none quotes the password.
    hint = feedback.get("warning") or next(iter(feedback.get("suggestions") or ()), "")
    if hint:
        hint = hint.split(". ")[0].rstrip(".") + "."  # one sentence: "Add another word or two. Uncommon…" is two
    if len(password) < MIN_PASSWORD_LENGTH:
        score = min(score, 1)  # the meter must not look fine for a password that will be refused
        hint = str(msgs.PASSWORD_HINT_TOO_SHORT(min_password_length=MIN_PASSWORD_LENGTH))
    elif not hint and score < 3:
        hint = str(msgs.PASSWORD_HINT_LONGER())
    return PasswordStrength(score, STRENGTH_LABELS[score], hint)
