"""What the kiosk says when the generation server cannot help, by id (app/messages.py), in the person's language.

`fleet.unreachable` and `fleet.busy` are the refusals after which a kiosk may run the job on this computer
(app/fleet/fallback.py keys on these ids); the others need staff (a token, a certificate) or a moment's patience.
"""

from __future__ import annotations

from app.messages import Msg

UNREACHABLE = Msg(
    "fleet.unreachable",
    "The generation server at {url} cannot be reached. Check this computer's network connection, or ask staff "
    "whether the server is running.",
)
UNAUTHORIZED = Msg(
    "fleet.unauthorized",
    "The generation server does not accept this computer's token. Ask staff for a new one and enter it in "
    "Settings → Generation.",
)
REVOKED = Msg(
    "fleet.revoked",
    "This computer's token for the generation server was withdrawn by staff. Ask staff for a new one and enter it "
    "in Settings → Generation.",
)
NO_TOKEN = Msg(
    "fleet.no_token",
    "No token for the generation server is set on this computer. Enter the token staff gave you in Settings → "
    "Generation.",
)
BUSY = Msg("fleet.busy", "The generation server is busy. Try again in {seconds} s.")
RATE_LIMITED = Msg(
    "fleet.rate_limited",
    "This computer has asked the generation server for many designs in a short time. Try again in {seconds} s.",
)
TLS_FAILED = Msg(
    "fleet.tls_failed",
    "A secure connection to the generation server at {url} could not be made: its certificate is not trusted by "
    "this computer, or it does not answer on HTTPS. Ask staff to check the server's address and certificate.",
)
SERVER_ERROR = Msg(
    "fleet.server_error",
    "The generation server answered with an error (HTTP {status}). Try again; if it keeps happening, ask staff to "
    "check the server.",
)
LOST = Msg(
    "fleet.lost",
    "The connection to the generation server was lost; the design may still be made there — nothing was saved twice.",
)
STOPPED_BY_SERVER = Msg(
    "fleet.stopped_by_server",
    "The generation server stopped this design before it was finished. Try again.",
)
SERVER_DEVICE = Msg("fleet.server_device", "Server · {device}")  # where jobs run: "Server · CUDA · NVIDIA H200"
SERVER_PLAIN = Msg("fleet.server_plain", "Server")  # the same before the server has said what it runs on
NOT_AS_ASKED = Msg(
    "fleet.not_as_asked",
    "The generation server sent a picture whose record of how it was made does not match this design's settings, "
    "so it was not kept. Try again; if it happens again, ask staff to check the server.",
)
