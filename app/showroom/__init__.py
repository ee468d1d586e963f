"""The showroom kiosk's core: its settings, the staff's PIN, visitor sessions and what staff export."""
