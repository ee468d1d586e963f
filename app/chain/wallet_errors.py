"""What can go wrong with a wallet account, in words a person can act on; no message ever quotes a secret."""

from __future__ import annotations

from app.errors import UserFacingError
from app.messages import Msg

LOCKED = Msg("wallet.locked_try_again", "The wallet is locked. Unlock it with its password, then try again.")
WRONG_PASSWORD = Msg(
    "wallet.wrong_password",
    "The password is not right, or the keystore file was changed. Check the password (capital letters count) and "
    "try again; if it still fails, restore the keystore file from a backup.",
)


class WalletError(UserFacingError):
    """A wallet action that cannot be done as asked; nothing was changed."""


class WrongPasswordError(WalletError):
    """The keystore's MAC does not match: a wrong password, or a changed file (the two cannot be told apart)."""


class KeystoreDamagedError(WalletError):
    """A keystore file that is missing, not JSON, not a v3 keystore, or holds another account than its name says."""


class WalletLockedError(WalletError):
    """Signing was asked of an account that is locked (by hand or after being idle)."""


class AccountNotFoundError(WalletError):
    pass


class DuplicateAccountError(WalletError):
    pass


class InvalidSecretError(WalletError, ValueError):
    """A private key, recovery phrase or keystore text that cannot be used. The message never quotes it."""


class PasswordRejectedError(WalletError, ValueError):
    pass
