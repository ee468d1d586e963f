"""Model screens: the first-run page, Import model…, Settings and the model picker."""

from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog
from ui.models.model_picker import ModelPicker
from ui.models.settings_dialog import SettingsDialog

__all__ = ["FirstRunView", "ImportModelDialog", "ModelPicker", "SettingsDialog"]
