"""Sentences the library says to a person (saving, keeping images aside), by id: see app/messages.py."""

from __future__ import annotations

from app.messages import Msg

SAVE_UNEXPECTED = Msg(
    "library.save_unexpected", "The design could not be saved because of an unexpected problem. {kept}"
)
FAILED_THEN_KEPT = Msg("library.failed_then_kept", "{problem} {kept}")  # what failed, then where the images are
SETTINGS_DAMAGED = Msg("library.settings_damaged", "This design's saved settings are damaged, so it cannot be shown.")
IMAGE_NOT_KEPT = Msg(
    "library.image_not_kept",
    "The image could not be kept anywhere either; once this is fixed, generate it again (the same settings and seed "
    "give the same image).",
)
KEPT_ONE_ADOPTED = Msg(
    "library.kept_one_adopted",
    "Your image is safe in {where} and will be added to the library the next time the app starts.",
)
KEPT_MANY_ADOPTED = Msg(
    "library.kept_many_adopted",
    "Your images are safe in {folder} ({count} images) and will be added to the library the next time the app starts.",
)
KEPT_ONE = Msg("library.kept_one", "Your image is kept in {where}, outside the library: copy it somewhere safe.")
KEPT_MANY = Msg(
    "library.kept_many",
    "Your images are kept in {folder} ({count} images), outside the library: copy it somewhere safe.",
)
LIBRARY_READ_ONLY = Msg(
    "library.read_only",
    "The library in {folder} is open read-only because that folder cannot be written to: your designs can be "
    "viewed, but nothing new can be saved. To save again, make the folder writable (check its permissions, and that "
    "its disk is not read-only) and restart the app, or choose another data folder.",
)
LIBRARY_FILE_READ_ONLY = Msg("library.file_read_only", "The library file {file} is read-only.")
DAMAGED_HINT = Msg(
    "library.damaged_hint",
    "Restore it from a backup, or move it out of {folder}: the app then starts a new library and adds back every "
    "design from the images in {images} (favourites and descriptions are not in the images).",
)
CANNOT_BE_SAVED = Msg("library.cannot_be_saved", "Designs cannot be saved")
COULD_NOT_BE_SAVED = Msg("library.could_not_be_saved", "{what} could not be saved")
CANNOT_BE_READ = Msg("library.cannot_be_read", "The design library cannot be read")
CANNOT_BE_OPENED = Msg("library.cannot_be_opened", "The design library cannot be opened")
IMAGE_NOT_SAVED = Msg("library.image_not_saved", "The design's image could not be saved")
THE_FAVOURITE = Msg("library.the_favourite", "The favourite")
THE_REMOVAL = Msg("library.the_removal", "The removal")
THE_RESTORE = Msg("library.the_restore", "The undo")
THE_DESCRIPTION = Msg("library.the_description", "The description")
THE_DESCRIPTION_DRAFT = Msg("library.the_description_draft", "The description draft")
THE_DESIGN = Msg("library.the_design", "The design")
THE_DESIGNS = Msg("library.the_designs", "The designs")
