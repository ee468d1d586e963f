"""The showroom kiosk: a walk-up visitor's guided flow, its privacy, and the staff's panel."""
