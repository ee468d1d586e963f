"""Model screens: the first-run page, Import model… and Models… (installed models, ControlNets and LoRAs); the model
picker is a shared widget (ui/widgets/)."""

from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog
from ui.models.models_dialog import ModelsDialog
from ui.models.models_page import ModelsPage

__all__ = ["FirstRunView", "ImportModelDialog", "ModelsDialog", "ModelsPage"]
