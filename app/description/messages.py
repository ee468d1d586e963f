"""Sentences the description package says to a person (drafting), by id: see app/messages.py."""

from __future__ import annotations

from app.messages import Msg

MALFORMED = Msg("describe.malformed", "The draft arrived garbled and could not be read. Try again, {next_step}")
NO_KEY = Msg("describe.no_key", "There is no OpenAI key. Add one in Settings, {next_step}")
REFUSAL = Msg(
    "describe.refusal",
    "The model declined to write this description. Change the design's words and try again, or use the offline draft.",
)
CUT_OFF = Msg(
    "describe.cut_off",
    "The draft stopped part-way, before the model finished. Try again, or keep the partial text and finish it "
    "yourself.",
)
CONNECTION_DROPPED = Msg(
    "describe.connection_dropped",
    "The connection dropped part-way through the draft. Try again, or keep the partial text and finish it yourself.",
)
OR_KEEP_OFFLINE = Msg("describe.or_keep_offline", "or keep the offline draft.")
SECONDS = Msg("describe.seconds", "{count:g} seconds")
ONE_SECOND = Msg("describe.one_second", "{count:g} second")
KEY_BAD_CHARACTERS = Msg(
    "describe.key_bad_characters",
    "The OpenAI key contains spaces or characters a key never has. Paste it again in Settings, {next_step}",
)
BAD_SERVER_ADDRESS = Msg(
    "describe.bad_server_address",
    "The server address in Settings is not a web address (for example http://localhost:1234/v1). Fix it, {next_step}",
)
DEADLINE_PARTIAL = Msg(
    "describe.deadline_partial",
    "The draft took longer than {seconds} and was stopped. Try again, or keep the partial text and finish it yourself.",
)
DEADLINE = Msg(
    "describe.deadline", "The drafting server did not finish a draft within {seconds}. Try again, {next_step}"
)
STALLED_PARTIAL = Msg(
    "describe.stalled_partial",
    "The draft stalled for more than {seconds} and was stopped. Try again, or keep the partial text and finish it "
    "yourself.",
)
NO_ANSWER = Msg("describe.no_answer", "The drafting server did not answer within {seconds}. Try again, {next_step}")
UNREACHABLE = Msg(
    "describe.unreachable",
    "Could not reach the drafting server ({server}). Check the connection or the server address in Settings, "
    "{next_step}",
)
SERVER_PROBLEM_PART_WAY = Msg(
    "describe.server_problem_part_way",
    "The drafting server reported a problem part-way. Try again in a moment, {next_step}",
)
SERVER_WANTS_KEY = Msg(
    "describe.server_wants_key",
    "The drafting server ({server}) asks for an API key. Add its key in Settings, {next_step}",
)
KEY_REFUSED = Msg("describe.key_refused", "The OpenAI key was refused. Check it in Settings, {next_step}")
MODEL_FORBIDDEN = Msg(
    "describe.model_forbidden",
    "The OpenAI key is not allowed to use the model “{model}”. Check the key's permissions or choose another model "
    "in Settings, {next_step}",
)
NO_CREDIT = Msg(
    "describe.no_credit",
    "The OpenAI account has run out of credit. Add credit or check billing at platform.openai.com, {next_step}",
)
WAIT_SECONDS = Msg("describe.wait_seconds", "OpenAI asks to wait about {wait} seconds. Try again then, {next_step}")
BUSY = Msg("describe.busy", "OpenAI is busy with too many requests. Wait a minute and try again, {next_step}")
NO_SUCH_MODEL = Msg(
    "describe.no_such_model",
    "The drafting server does not offer the model “{model}”. Choose another model in Settings, {next_step}",
)
NO_CHAT_ENDPOINT = Msg(
    "describe.no_chat_endpoint",
    "The drafting server ({server}) has no chat endpoint at that address. Check the server address in Settings (it "
    "usually ends in /v1), {next_step}",
)
SERVER_ERROR = Msg(
    "describe.server_error", "The drafting server had a problem (error {status}). Try again in a moment, {next_step}"
)
REQUEST_REFUSED = Msg(
    "describe.request_refused",
    "The drafting server refused the request (error {status}). Check the model and server in Settings, {next_step}",
)
TEMPLATES_UNREADABLE = Msg(
    "describe.templates_unreadable",
    "The offline description templates could not be read. Fix or restore the file, or write the text yourself.",
)
PROMPT_FILE_UNREADABLE = Msg(
    "describe.prompt_file_unreadable",
    "The description prompt file could not be read. Fix or restore it, or keep the offline draft.",
)
