"""The library: every design ever made, in SQLite (WAL) with images in a content-addressed folder."""
