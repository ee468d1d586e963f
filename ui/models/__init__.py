"""Model screens: the first-run page and Import model…; the model picker is a shared widget (ui/widgets/)."""

from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog

__all__ = ["FirstRunView", "ImportModelDialog"]
