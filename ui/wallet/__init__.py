"""The Wallet workspace: accounts, balance, activity, and minting a token on Kaia."""
