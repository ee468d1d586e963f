"""Offline content safety: the prompt filter (word lists) and the image classifier (open_nsfw on onnxruntime).

Always on at the showroom kiosk; available, off by default, in the studio (Settings). Nothing here needs a network.
"""
