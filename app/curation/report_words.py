"""The results report's words, as core messages (`curation.report.*`), so the report is written in the language the
core speaks. Words chosen by code (a reason, a state, how to read alpha) are picked here by id."""

from __future__ import annotations

from app.curation import models
from app.messages import Message, Msg

TITLE = Msg("curation.report.title", "Campaign results: {round}")
MADE = Msg("curation.report.made", "Made {when} from the curation database.")
FOOTER = Msg("curation.report.footer", "Made by SM6 Design Studio.")

SUBMISSIONS = Msg("curation.report.submissions", "Submissions")
WHAT = Msg("curation.report.what", "What")
HOW_MANY = Msg("curation.report.how_many", "How many")
SUBMITTED = Msg("curation.report.submitted", "Submissions imported")
VALID = Msg("curation.report.valid", "Valid, judged")
KEPT_ASIDE = Msg("curation.report.kept_aside", "Kept aside")
DISQUALIFIED = Msg("curation.report.disqualified", "Disqualified")
DUPLICATES = Msg("curation.report.duplicates", "In duplicate groups")
_PROBLEMS = {
    models.CID_MISMATCH: Msg("curation.report.problem.cid_mismatch", "Bytes do not match their CID"),
    models.INVALID_METADATA: Msg("curation.report.problem.invalid_metadata", "Metadata missing or invalid"),
    models.UNREADABLE_IMAGE: Msg("curation.report.problem.unreadable_image", "Picture unreadable or too large"),
    models.AFTER_DEADLINE: Msg("curation.report.problem.after_deadline", "Minted after the deadline"),
    models.UNREACHABLE: Msg("curation.report.problem.unreachable", "Not reachable when imported"),
}
_DQ = {
    models.DQ_DUPLICATE: Msg("curation.report.dq.duplicate", "Duplicate"),
    models.DQ_UNSAFE: Msg("curation.report.dq.unsafe", "Unsafe"),
    models.DQ_NOT_SM6: Msg("curation.report.dq.not_sm6", "Not an SM6"),
    models.DQ_AFTER_DEADLINE: Msg("curation.report.dq.after_deadline", "After the deadline"),
    models.DQ_OTHER: Msg("curation.report.dq.other", "Other reason"),
}
OTHER = Msg("curation.report.other", "Other")

ROUNDS = Msg("curation.report.rounds", "Rounds")
ROUND = Msg("curation.report.round", "Round")
STATE = Msg("curation.report.state", "State")
BLIND = Msg("curation.report.blind", "Blind")
JUDGES = Msg("curation.report.judges", "Judges")
ENTRIES = Msg("curation.report.entries", "Entries")
READING = Msg("curation.report.reading", "What α says")
YES = Msg("curation.report.yes", "Yes")
NO = Msg("curation.report.no", "No")
_STATES = {
    models.ROUND_OPEN: Msg("curation.report.state.open", "Open for scoring"),
    models.ROUND_CLOSED: Msg("curation.report.state.closed", "Closed"),
    models.ROUND_LOCKED: Msg("curation.report.state.locked", "Locked (final)"),
}
ALPHA_NONE = Msg("curation.report.alpha.none", "Not measurable: two judges must score the same entries.")
ALPHA_STRONG = Msg("curation.report.alpha.strong", "Strong agreement: the judges rank alike.")
ALPHA_MODERATE = Msg("curation.report.alpha.moderate", "Moderate agreement: the ranking is fairly reliable.")
ALPHA_WEAK = Msg("curation.report.alpha.weak", "Weak agreement: read close places with care.")
ALPHA_LITTLE = Msg("curation.report.alpha.little", "Little agreement: the judges mostly differ.")
ALPHA_AGAINST = Msg("curation.report.alpha.against", "Disagreement beyond chance: the judges rank against each other.")
ALPHA_NOTE = Msg(
    "curation.report.alpha_note",
    "α is Krippendorff's alpha over the judges' weighted totals: 1 is full agreement, 0 is what chance would give. "
    "0.8 and above is usually taken as reliable.",
)

RANKING = Msg("curation.report.ranking", "Ranking")
RANK = Msg("curation.report.rank", "Rank")
ENTRY = Msg("curation.report.entry", "Entry")
NAME = Msg("curation.report.name", "Name")
OWNER = Msg("curation.report.owner", "Owner")
MEAN_SCORE = Msg("curation.report.mean_score", "Mean score (1–5)")
NORMALISED = Msg("curation.report.normalised", "Normalised total")
TIE = Msg("curation.report.tie", "tie")
SHOWN = Msg("curation.report.shown", "Shown: {shown} of {ranked} ranked entries.")
TIES_NOTE = Msg(
    "curation.report.ties_note",
    "Entries with equal totals share a rank and are marked as a tie; they are listed by entry number, which decides "
    "nothing. The normalised total is the mean of the judges' z-scores, so a harsh and a lenient judge weigh the same.",
)
UNSCORED = Msg("curation.report.unscored", "Not ranked yet, without a complete score: {count}.")
NO_SCORES = Msg("curation.report.no_scores", "No scores yet.")

WINNERS = Msg("curation.report.winners", "Winners")
NO_WINNERS = Msg(
    "curation.report.no_winners",
    "No winners are recorded for this round yet: they appear here once the result is locked.",
)
PLACE = Msg("curation.report.place", "Place {rank}")
PICTURE_OF = Msg("curation.report.picture_of", "Picture of entry {entry}")
NO_PICTURE = Msg("curation.report.no_picture", "No picture")
ENTRY_NO = Msg("curation.report.entry_no", "Entry {entry}")
TOKEN = Msg("curation.report.token", "Token #{token}")

DISTRIBUTIONS = Msg("curation.report.distributions", "Score distributions")
SCORE = Msg("curation.report.score", "Score")
VERDICTS = Msg("curation.report.verdicts", "Verdicts")
WEIGHTED_TOTAL = Msg("curation.report.weighted_total", "Weighted total (1–5)")
TOTALS_CHART = Msg("curation.report.totals_chart", "Weighted totals of every verdict")
CRITERION_CHART = Msg("curation.report.criterion_chart", "{criterion}: scores given")
JUDGES_CHART = Msg("curation.report.judges_chart", "Each judge's mean total ± one standard deviation")
CHARTS_NOTE = Msg(
    "curation.report.charts_note",
    "Only complete scores are counted; abstentions, conflicts of interest and unfinished verdicts are left out.",
)
_CRITERIA = {
    "sm6": Msg("curation.report.criterion.sm6", "True to the SM6"),
    "originality": Msg("curation.report.criterion.originality", "Originality"),
    "craft": Msg("curation.report.criterion.craft", "Craft"),
    "description": Msg("curation.report.criterion.description", "Description"),
}


def problem_word(kind: str) -> Message:
    return (_PROBLEMS.get(kind) or OTHER)()


def dq_word(reason: str) -> Message:
    return (_DQ.get(reason) or OTHER)()


def state_word(state: str) -> Message:
    return (_STATES.get(state) or OTHER)()


def criterion_word(criterion_id: str) -> Message:
    return (_CRITERIA.get(criterion_id) or OTHER)()


def alpha_reading(alpha: float | None) -> Message:
    """Plain words for an alpha, on Krippendorff's usual marks (0.8 reliable, 0.667 tentative)."""
    if alpha is None:
        return ALPHA_NONE()
    if alpha >= 0.8:
        return ALPHA_STRONG()
    if alpha >= 0.667:
        return ALPHA_MODERATE()
    if alpha >= 0.4:
        return ALPHA_WEAK()
    if alpha >= 0:
        return ALPHA_LITTLE()
    return ALPHA_AGAINST()
