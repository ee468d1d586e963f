"""PySide6 user interface: theme, widgets, view-models and workspaces. Talks to `app` only."""
