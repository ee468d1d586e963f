"""The library: every design ever made, behind the `DesignStore` interface (interface.py); the SQLite (WAL) store
(store.py) keeps images in a content-addressed folder (images.py)."""
