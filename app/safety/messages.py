"""What content safety tells a person, by id (translated in resources/i18n/<lang>/core_showroom.ts)."""

from app.messages import Msg

PROMPT_BLOCKED = Msg(
    "safety.prompt_blocked",
    "Some words in this description can't be used here. Try describing your SM6 in other words.",
)
IMAGE_BLOCKED = Msg(
    "safety.image_blocked",
    "This picture can't be shown here. Try another description or style: your next design is only a tap away.",
)
IMAGE_UNCHECKED = Msg(
    "safety.image_unchecked",
    "This picture could not be checked, so it can't be submitted here. Please ask a member of staff.",
)
STAFF_LIST_TOO_BIG = Msg(
    "safety.staff_list_too_big",
    "The word list is larger than {limit} and was not saved. Remove some lines and save again.",
)
