"""SM6 Design Studio core: services with no Qt, importable headless."""

from app import recursion_guard

__version__ = "0.1.0"

recursion_guard.install()
