"""Kaia: networks, the keystore wallet, the SM6DesignToken contract, minting exactly once, the sandbox chain."""
