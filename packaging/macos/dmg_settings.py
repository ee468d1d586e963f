"""dmgbuild settings for SM6 Design Studio's disk image: the app beside a link to /Applications, to drag it across.

packaging/macos/build_dmg.sh runs it as
    dmgbuild -s packaging/macos/dmg_settings.py -D app="build/cpu/dist/SM6 Studio.app" -D icon=…/sm6-studio.icns \
        "SM6 Design Studio" dist/sm6-studio_<version>_macos-arm64.dmg
dmgbuild executes this file with `defines` (the -D values) already set.
"""

import os.path

application = defines["app"]  # noqa: F821 - set by dmgbuild
appname = os.path.basename(application)

# LZMA (macOS 10.15+; the app needs 12): the smallest image of torch's libraries, read back fast enough.
format = "ULMO"  # noqa: A001 - dmgbuild's own setting name
size = None  # dmgbuild measures the files
files = [application]
symlinks = {"Applications": "/Applications"}
hide_extensions = [appname]
icon = defines.get("icon") or None  # noqa: F821 - the volume's icon

# One window: the app on the left, Applications on the right, nothing else.
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
default_view = "icon-view"
window_rect = ((200, 120), (560, 320))
icon_size = 128
text_size = 13
icon_locations = {appname: (140, 150), "Applications": (420, 150)}
