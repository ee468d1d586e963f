"""What a person at this app may see and do: the desktop policy, and the showroom kiosk's.

Defined once here and read by every front end (`policy.may_open_settings`, ...), so a view never asks "is this a
kiosk?" and decides for itself: a new screen follows the policy it is given, and a new rule is one field here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Policy:
    name: str
    touch_sized: bool  # big touch targets and type
    may_open_settings: bool  # the Settings workspace and anything leading there ("Add a key…")
    may_use_files: bool  # file dialogs: import a model, export or save a file, choose a folder
    may_manage_keys: bool  # create, import, export or reveal a wallet's keys; send KAIA
    may_see_advanced: bool  # seed, scheduler, CID profile, CAR and JSON views, context menus with power actions
    may_delete_designs: bool
    sees_every_design: bool  # False: only the current visitor's work: their designs (app/library/listing.py
    # visible_since), no wallet activity listing earlier visitors' tokens and addresses
    may_switch_network: bool  # pick the chain the wallet uses (a kiosk stays on the one it was set up for)
    mints_to_visitor: bool  # True: this wallet only pays; the token goes to an address the visitor gives
    guided_flow: bool  # True: the visitor's full-screen guided flow (ui/kiosk/) in front, not the workspaces
    enforces_content_safety: bool  # True: every prompt and picture is checked (app/safety), whatever the studio's
    # switches say, and a picture that could not be checked is held back (fails closed)
    obeys_server_only: bool = False  # True: staff's "Kiosks generate on the server only" (the [fleet]
    # section's kiosk_server_only, app/fleet/settings.py) sends every job to the generation server


DESKTOP = Policy(
    name="desktop",
    touch_sized=False,
    may_open_settings=True,
    may_use_files=True,
    may_manage_keys=True,
    may_see_advanced=True,
    may_delete_designs=True,
    sees_every_design=True,
    may_switch_network=True,
    mints_to_visitor=False,
    guided_flow=False,
    enforces_content_safety=False,
)

KIOSK = Policy(
    name="kiosk",
    touch_sized=True,
    may_open_settings=False,
    may_use_files=False,
    may_manage_keys=False,
    may_see_advanced=False,
    may_delete_designs=False,
    sees_every_design=False,
    may_switch_network=False,
    mints_to_visitor=True,
    guided_flow=True,
    enforces_content_safety=True,
    obeys_server_only=True,
)


# Every yes/no rule, in the order declared: what a person may see or do, and how the window is sized.
RULES: tuple[str, ...] = tuple(f.name for f in fields(Policy) if f.name != "name")


def policy_for(kiosk: bool) -> Policy:
    """The one place a front end turns "--kiosk" into what a person may do; views only ever see the Policy."""
    return KIOSK if kiosk else DESKTOP
