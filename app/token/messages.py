"""Sentences the token package says to a person (metadata, publishing, verifying), by id: see app/messages.py."""

from __future__ import annotations

from app.messages import Msg

NO_ADDRESS = Msg("publish.no_address", "No {service} address is set. Add it in Settings.")
BAD_ADDRESS = Msg(
    "publish.bad_address",
    "The {service} address in Settings cannot be used: it is not a web address starting with http:// or "
    "https://. Fix it in Settings.",
)
UNREACHABLE = Msg(
    "publish.unreachable",
    "The {service} at {url} cannot be reached. Check that it is running and that this computer is online; "
    "publishing will continue when it can be reached.",
)
REPLY_TOO_LARGE = Msg(
    "publish.reply_too_large",
    "The {service} sent a reply larger than {max_mb} MB, which no request of this app needs. Check the address "
    "in Settings.",
)
NO_CID_IN_REPLY = Msg(
    "publish.no_cid_in_reply",
    "The IPFS node accepted the file but did not say which CID it stored it under.",
)
UNREADABLE_REPLY = Msg("publish.unreadable_reply", "The {service} sent a reply this app cannot read.")
NODE_REFUSED = Msg("publish.node_refused", "The IPFS node refused the request (HTTP {status}).")
NODE_REFUSED_SAID = Msg(
    "publish.node_refused_said", "The IPFS node refused the request (HTTP {status}). It said: {said}"
)
FIX_IN_SETTINGS = Msg("publish.fix_in_settings", "{problem} Fix it in Settings.")
TOKEN_NOT_ACCEPTED = Msg(
    "publish.token_not_accepted", "The pinning service did not accept the access token. Check the token in Settings."
)
PINNING_REFUSED = Msg("publish.pinning_refused", "The pinning service refused the request (HTTP {status}).")
PINNING_REFUSED_SAID = Msg(
    "publish.pinning_refused_said", "The pinning service refused the request (HTTP {status}). It said: {said}"
)
NO_VERSION_IN_REPLY = Msg("publish.no_version_in_reply", "The IPFS node's version reply has no version in it.")
NOT_A_PIN_STATUS = Msg("publish.not_a_pin_status", "The pinning service's reply is not a pin status.")
NO_GENERATION_SETTINGS = Msg(
    "token.no_generation_settings",
    "This token's metadata has no generation settings, so it cannot be regenerated.",
)
PINNING_TOKEN_EMPTY = Msg(
    "publish.pinning_token_empty",
    "The token is empty. Paste the access token from your pinning service's account page.",
)
PINNING_TOKEN_SPACES = Msg(
    "publish.pinning_token_spaces",
    "A token has no spaces or line breaks inside. Copy it again, in one piece.",
)
MODEL_MISSING = Msg(
    "token.model_missing",
    "The model that made this image ({model}) is not installed here, so it cannot be regenerated. Import that "
    "model, then verify again.",
)
TIMED_OUT = Msg("token.timed_out", "Verifying took too long and was stopped.")
VERIFY_EXACT = Msg("token.verify_exact", "Verified: regenerating from the metadata gives the same pixels.")
VERIFY_SIMILAR = Msg(
    "token.verify_similar",
    "Verified by perceptual hash ({distance} of 64 bits differ): the same picture, not pixel-identical.",
)
VERIFY_SIMILAR_OTHER_DEVICE = Msg(
    "token.verify_similar_other_device",
    "Verified on another device, by perceptual hash ({distance} of 64 bits differ): the same picture, not "
    "pixel-identical.",
)
VERIFY_DIFFERENT = Msg(
    "token.verify_different",
    "Not verified: the regenerated image differs ({distance} of 64 bits). The model or settings are not the same.",
)
VERIFY_CANCELLED = Msg("token.verify_cancelled", "Verifying was cancelled.")
FIELD_INVALID = Msg("token.field_invalid", "{name} is not valid.")
FIELD_MISSING = Msg("token.field_missing", "{value} is missing.")
FIELD_WRONG_TYPE = Msg("token.field_wrong_type", "{name} must be {value}.")
FIELD_TOO_LONG = Msg("token.field_too_long", "{name} is {count:,} characters; the limit is {want:,}.")
FIELD_NOT_ONE_OF = Msg("token.field_not_one_of", "{name} must be one of: {value}.")
FIELD_TOO_SMALL = Msg("token.field_too_small", "{name} must be at least {want:,}.")
FIELD_TOO_LARGE = Msg("token.field_too_large", "{name} must be at most {want:,}.")
FIELD_NOT_MULTIPLE = Msg("token.field_not_multiple", "{name} must be a multiple of {want}.")
FIELD_TOO_SHORT = Msg(
    "token.field_too_short",
    "{name} is too short; it needs at least {want:,} characters.",
)
FIELD_BAD_FORM = Msg("token.field_bad_form", "{name} is not in the expected form.")
OUTBOX_READ_ONLY = Msg(
    "publish.outbox_read_only",
    "The publishing outbox in {parent} is open read-only because that folder cannot be written to: tokens "
    "already waiting are shown, but nothing new can be queued for publishing. To publish, make the folder "
    "writable (check its permissions, and that its disk is not read-only) and restart the app, or choose another "
    "data folder.",
)
OUTBOX_FILE_READ_ONLY = Msg("publish.outbox_file_read_only", "The outbox file {db_path} is read-only.")
OUTBOX_DAMAGED_HINT = Msg(
    "publish.outbox_damaged_hint",
    "Restore it from a backup, or move it out of {parent} to start an empty outbox; tokens that were waiting "
    "must then be published again from the Token workspace.",
)
OUTBOX_FOLDER_READ_ONLY = Msg(
    "publish.outbox_folder_read_only",
    "The rest of the data folder is read-only, so the outbox is too.",
)
CID_MISMATCH = Msg(
    "publish.cid_mismatch",
    "The IPFS node stored {name} under CID {returned}, not {cid} as the token says, so it was not published. The "
    "node uses other chunker or CID settings: set it to {profile}, or choose the CID profile that matches the "
    "node, then retry.",
)
PIN_FAILED = Msg(
    "publish.pin_failed",
    "The pinning service could not pin {name} ({cid}). It may not have found the file on the IPFS network: "
    "publish through an IPFS node as well, or upload the CAR file to the service.",
)
BLOB_MISSING = Msg(
    "publish.blob_missing",
    "The bytes of {name} are missing from the outbox folder {blobs_dir}; queue it again.",
)
PINNING_TOKEN_CHARACTERS = Msg(
    "publish.pinning_token_characters",
    "The pinning service's access token contains a space, a line break or a character that no token has. Copy it "
    "again from the pinning service and paste it in Settings.",
)
IMAGE_PATTERN = Msg("token.image_pattern", "The image must be an ipfs:// or https:// address.")
EXTERNAL_URL_PATTERN = Msg(
    "token.external_url_pattern", "The external link must be a web address starting with https:// or http://."
)
BACKGROUND_COLOR_PATTERN = Msg(
    "token.background_color_pattern", "The background colour must be six hex digits without “#”, like 121417."
)
MODEL_HASH_PATTERN = Msg("token.model_hash_pattern", "The model hash must be hexadecimal digits (its sha256).")
NOT_A_FIELD = Msg("token.not_a_field", "“{key}” is not a field of {where}; check its spelling.")
FIELD_EMPTY = Msg("token.field_empty", "{name} is empty.")
OUTBOX_CANNOT_BE_OPENED = Msg("publish.outbox_cannot_be_opened", "The publishing outbox cannot be opened")
OUTBOX_NOT_UPDATED = Msg("publish.outbox_not_updated", "The publishing outbox could not be updated")
OUTBOX_CANNOT_BE_READ = Msg("publish.outbox_cannot_be_read", "The publishing outbox cannot be read")
FILE_NOT_SAVED = Msg("publish.file_not_saved", "The file {name} could not be saved for publishing")
