"""What the judging half of the curation store refuses, in plain sentences (ids `judging.*`).

`RoundLocked` and `RoundClosed` are their own classes so a screen can tell "the result is final" from a typo; every
other refusal is an `InputError`: something chosen that cannot be used as it is. None of them quotes the input.
"""

from __future__ import annotations

from app.errors import UserFacingError
from app.messages import Msg

ROUND_IS_LOCKED = Msg(
    "judging.round_locked", "This round is locked: its result is final, so scores can no longer change."
)
ROUND_LOCKED_BY = Msg(
    "judging.round_locked_by", "This round is already locked: {judge} locked it on {moment}, and its result is final."
)
ROUND_LOCKED_AT = Msg("judging.round_locked_at", "This round was locked on {moment}: its result is final.")
ROUND_IS_CLOSED = Msg(
    "judging.round_closed",
    "This round is closed, so scores can no longer change. Staff can open it again to allow scoring.",
)
UNKNOWN_ROUND = Msg("judging.unknown_round", "This round is not in the curation database. Reload the rounds.")
UNKNOWN_JUDGE = Msg("judging.unknown_judge", "This judge is not in the curation database. Add the judge first.")
UNKNOWN_ENTRY = Msg("judging.unknown_entry", "This entry is not in the curation database.")
UNKNOWN_CRITERION = Msg(
    "judging.unknown_criterion", "This round's rubric has no such criterion, so the score was not saved."
)
SCORE_RANGE = Msg("judging.score_range", "A score is a whole number from {low} to {high}.")
NOT_IN_ROUND = Msg("judging.not_in_round", "This entry is not part of this round, so it cannot be judged in it.")
DISQUALIFIED = Msg(
    "judging.disqualified",
    "This entry is disqualified, so it cannot be judged. Requalify it first if that was a mistake.",
)
JUDGE_NAME = Msg("judging.judge_name", "A judge needs a name of 1 to {limit} characters.")
ROUND_NAME = Msg("judging.round_name", "A round needs a name of 1 to {limit} characters.")
NO_CRITERIA = Msg("judging.no_criteria", "A round needs at least one criterion to score.")
BAD_CRITERION = Msg(
    "judging.bad_criterion", "Each criterion needs an id, a label of 1 to {limit} characters and a weight above 0."
)
CRITERION_TWICE = Msg("judging.criterion_twice", "Two criteria of this rubric have the same id; give each its own.")
NO_ENTRIES = Msg("judging.no_entries", "A round needs at least one entry.")
UNKNOWN_ENTRIES = Msg(
    "judging.unknown_entries",
    "Some chosen entries ({count}) are not valid submissions in the curation database, so the round was not created.",
)
DISQUALIFIED_ENTRIES = Msg(
    "judging.disqualified_entries",
    "Some chosen entries ({count}) are disqualified. Requalify them or leave them out; the round was not created.",
)
VERDICT_KIND = Msg("judging.verdict_kind", "A verdict is scored, abstain or conflict of interest.")
ROUND_STATE = Msg("judging.round_state", "A round is open, closed or locked.")
TEXT_TOO_LONG = Msg("judging.text_too_long", "This text is too long: at most {limit} characters, and it has {length}.")
DQ_REASON = Msg("judging.dq_reason", "Choose why this entry is disqualified.")
NO_WINNERS = Msg("judging.no_winners", "Choose at least one winner before locking the result.")
WINNER_RANKS = Msg("judging.winner_ranks", "Winners' ranks must run 1, 2, 3 and so on, each rank given once.")
WINNER_TWICE = Msg("judging.winner_twice", "An entry can hold only one rank among the winners.")
WINNER_NOT_IN_ROUND = Msg("judging.winner_not_in_round", "A chosen winner is not an entry of this round.")
WINNER_DISQUALIFIED = Msg(
    "judging.winner_disqualified", "A chosen winner is disqualified. Requalify it or choose another entry."
)
DAMAGED_RUBRIC = Msg("judging.damaged_rubric", "This round's stored rubric is damaged, so it cannot be scored.")
AUDIT_DETAILS = Msg("judging.what.audit_details", "An audit log entry's details")
ROUND_RUBRIC = Msg("judging.what.round_rubric", "A round's rubric")


class RoundLocked(UserFacingError):
    """The round's result is final: no score, verdict, advancing or second lock changes it."""


class RoundClosed(UserFacingError):
    """Scoring has stopped in this round (staff may open it again)."""
