"""SM6 Design Studio core: services with no Qt, importable headless."""

__version__ = "0.1.0"
