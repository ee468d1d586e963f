"""Sentences the chain package says to a person (node, wallet, sending), by id: see app/messages.py."""

from __future__ import annotations

from app.messages import Msg

NO_CONTRACT_ADDRESS = Msg(
    "chain.no_contract_address",
    "No SM6 contract address is set for {network}. Enter the campaign's contract address in the wallet's network "
    "settings.",
)
NODE_UNREACHABLE = Msg(
    "chain.node_unreachable",
    "The {network_name} node cannot be reached. Check this computer's connection; anything signed waits in the "
    "outbox and is sent when the node answers again.",
)
NODE_TIMEOUT = Msg(
    "chain.node_timeout",
    "The {network_name} node did not answer in time. Anything signed waits in the outbox.",
)
NODE_BAD_REPLY = Msg(
    "chain.node_bad_reply",
    "The {network_name} node {problem} Anything signed waits in the outbox. If this goes on, check the node "
    "address in the wallet's network settings.",
)
BAD_NODE_ADDRESS = Msg("chain.bad_node_address", "{problem} Nothing was sent. Fix it in the wallet's network settings.")
NO_CONTRACT_THERE = Msg(
    "chain.no_contract_there",
    "There is no contract at {address} on {network_name}. Nothing was sent. Check the contract address in the "
    "wallet's network settings.",
)
NODE_ON_WRONG_CHAIN = Msg(
    "chain.node_on_wrong_chain",
    "This node is on chain {actual_id}, not {expected_name} (chain {expected_id}). Nothing was sent. Check the "
    "node address in the wallet's network settings.",
)
NODE_REFUSED = Msg("chain.node_refused", "The node refused the transaction. It said: {text}")
INSUFFICIENT_FUNDS = Msg(
    "chain.insufficient_funds",
    "This wallet does not have enough KAIA to pay for this transaction and its fee. Add KAIA to the wallet, then "
    "try again.",
)
NONCE_TAKEN = Msg(
    "chain.nonce_taken",
    "Another transaction from this wallet used the same place in line (nonce). Wait for it to finish; the app "
    "checks the chain and tries again without paying twice.",
)
FEE_TOO_LOW = Msg(
    "chain.fee_too_low",
    "The network's fee rose above what this transaction offers. Try again: the fee is worked out afresh.",
)
CONTRACT_REFUSED = Msg("chain.contract_refused", "The contract refused this transaction.")
SIGNED_FOR_ANOTHER_CHAIN = Msg(
    "chain.signed_for_another_chain",
    "The node refused a transaction signed for another chain.",
)
SANDBOX_UNOPENABLE = Msg("chain.sandbox_unopenable", "The sandbox chain in {folder} cannot be opened.")
PRIVATE_KEY_OUT_OF_RANGE = Msg(
    "wallet.private_key_out_of_range",
    "This is not a valid private key (it is outside the range keys can have).",
)
KEYSTORE_UNOPENABLE = Msg(
    "wallet.keystore_unopenable",
    "This keystore file could not be opened even though it looks complete. Restore it from a backup.",
)
PRIVATE_KEY_FORMAT = Msg(
    "wallet.private_key_format",
    "A private key is 64 hexadecimal characters (0-9 and a-f), with or without 0x in front. Check that all of it "
    "was copied.",
)
PHRASE_WORD_COUNT = Msg(
    "wallet.phrase_word_count",
    "A recovery phrase has 12, 15, 18, 21 or 24 words; this one has {count}. Check that none is missing.",
)
PHRASE_MIXED_LANGUAGES = Msg(
    "wallet.phrase_mixed_languages",
    "The words come from more than one language's word list. Check them against your backup.",
)
PHRASE_BAD_CHECKSUM = Msg(
    "wallet.phrase_bad_checksum",
    "These words are all BIP-39 words, but not a valid recovery phrase (its checksum does not match): a word is "
    "probably wrong or out of order. Check them against your backup.",
)
PHRASE_UNKNOWN_WORD = Msg(
    "wallet.phrase_unknown_word",
    "Word {position} is not a BIP-39 recovery-phrase word. Check its spelling against your backup.",
)
SIGN_FAILED = Msg(
    "wallet.sign_failed",
    "The transaction could not be signed: one of its fields is missing or wrong. Nothing was sent.",
)
ACCOUNT_NOT_FOUND = Msg("wallet.account_not_found", "The account {address} is not in this wallet.")
KEYSTORE_UNREADABLE = Msg(
    "wallet.keystore_unreadable",
    "That keystore file cannot be read. Check that it is still there and that you may open it.",
)
PHRASE_NO_ACCOUNT = Msg(
    "wallet.phrase_no_account",
    "No account could be made from this recovery phrase and path. Check the words and the path.",
)
ACCOUNT_ADDRESS_FORMAT = Msg(
    "wallet.account_address_format",
    "That is not an account address (0x and 40 hexadecimal characters).",
)
KEYSTORE_IS_PRIVATE_KEY = Msg(
    "wallet.keystore_is_private_key",
    "This is a private key, not a keystore file. Use “Import private key” for it instead.",
)
KEYSTORE_ADDRESS_MISMATCH = Msg(
    "wallet.keystore_address_mismatch",
    "This keystore file names a different account than the key inside it, so it cannot be trusted. Export it "
    "again from the wallet app it came from.",
)
KEYSTORE_HOLDS_OTHER = Msg(
    "wallet.keystore_holds_other",
    "The keystore file for {address} holds a different account ({held}), so it is not used. Restore the file "
    "from a backup.",
)
ACCOUNT_DUPLICATE = Msg(
    "wallet.account_duplicate",
    "This account ({address}) is already in the wallet as “{name}”. Nothing was changed.",
)
KEYSTORE_CLAIMS_OTHER = Msg(
    "wallet.keystore_claims_other",
    "The keystore file for {address} says it holds another account ({claimed}), so it is not used. Restore the "
    "file from a backup.",
)
KEYSTORE_MISSING = Msg(
    "wallet.keystore_missing",
    "The keystore file for {address} is missing from {folder}. Restore it from a backup.",
)
KEYSTORE_FILE_UNREADABLE = Msg(
    "wallet.keystore_file_unreadable",
    "The keystore file for {address} cannot be read. Check the file, or restore it from a backup.",
)
ACCOUNT_INDEX_NEGATIVE = Msg(
    "wallet.account_index_negative",
    "The account number cannot be negative: 0 is the first account of a recovery phrase.",
)
ACCOUNT_INDEX_TOO_LARGE = Msg(
    "wallet.account_index_too_large",
    "The account number can be at most {max_index:,}. Larger numbers are not ordinary accounts in any wallet "
    "app; check the number.",
)
PATH_NOT_TEXT = Msg("wallet.path_not_text", "A derivation path is text such as {example}.")
PATH_FORMAT = Msg("wallet.path_format", "A derivation path starts with m/ and lists numbers, as in {example}.")
PATH_TOO_DEEP = Msg("wallet.path_too_deep", "A derivation path has at most {max_path_depth} levels, as in {example}.")
ACCOUNT_INDEX_NOT_NUMBER = Msg(
    "wallet.account_index_not_number",
    "The account number is a whole number written with the digits 0 to 9: 0 for the first account of the "
    "recovery phrase, 1 for the second, and so on.",
)
PATH_LEVEL_NOT_NUMBER = Msg(
    "wallet.path_level_not_number",
    "Level {position} of the derivation path is not a number from 0 to {max_index:,} written with the digits 0 "
    "to 9 (an apostrophe after it may mark it hardened), as in {example}.",
)
PATH_LEVEL_TOO_LARGE = Msg(
    "wallet.path_level_too_large",
    "Level {position} of the derivation path is {hardened:,} or more, which is not an ordinary index: use a "
    "number below {hardened:,} and mark a hardened one with an apostrophe, as in {example}.",
)
AMOUNT_TOO_LONG = Msg(
    "send.amount_too_long",
    "That is too long to be an amount of KAIA. Write a number such as 1 or 0.5.",
)
AMOUNT_MISSING = Msg("send.amount_missing", "Enter an amount of KAIA, such as 1 or 0.5.")
AMOUNT_NOT_DIGITS = Msg("send.amount_not_digits", "Write the amount with the digits 0 to 9, such as 1 or 0.5.")
AMOUNT_NOT_NUMBER = Msg("send.amount_not_number", "The amount must be a number of KAIA, such as 1 or 0.5.")
AMOUNT_NEGATIVE = Msg(
    "send.amount_negative",
    "An amount cannot be negative. Write how much to send, such as 1 or 0.5, without a sign.",
)
AMOUNT_PLUS_SIGN = Msg("send.amount_plus_sign", "Write the amount without a plus sign, such as 1 or 0.5.")
AMOUNT_HEXADECIMAL = Msg(
    "send.amount_hexadecimal",
    "Write the amount in ordinary decimal digits, such as 16, not in hexadecimal (0x…).",
)
AMOUNT_EXPONENT = Msg(
    "send.amount_exponent",
    "Write the amount out in full, without an exponent: 1000 rather than 1e3.",
)
AMOUNT_DECIMAL_COMMA = Msg(
    "send.amount_decimal_comma",
    "Use a point for decimals, as in 1.5 (not 1,5). A comma may only group thousands: 1,000.",
)
AMOUNT_TOO_PRECISE = Msg("send.amount_too_precise", "KAIA has at most 18 decimal places. Round the amount.")
AMOUNT_ZERO = Msg("send.amount_zero", "Enter an amount above 0 KAIA.")
AMOUNT_TOO_LARGE = Msg("send.amount_too_large", "That is more KAIA than exists. Check the amount.")
ADDRESS_FORMAT = Msg(
    "send.address_format",
    "That is not a Kaia address: it starts with 0x and has 40 letters and digits after it.",
)
ADDRESS_CHECKSUM = Msg(
    "send.address_checksum",
    "The address has a typo: its capital letters do not match its checksum. Copy it again.",
)
ADDRESS_UNOWNED = Msg(
    "send.address_unowned",
    "Nobody owns that address: it is the zero (burn) address or one built into the network, and whatever is sent "
    "there is lost for good. Check the recipient's address.",
)
ADDRESS_OWN = Msg("send.address_own", "That is this wallet's own address. Enter the address to send to.")
ADDRESS_CONTRACT = Msg(
    "send.address_contract",
    "That is the SM6 token contract's own address: it cannot pass anything on, so whatever is sent there is lost "
    "for good. Enter the recipient's own wallet address.",
)
WALLET_LOCKED = Msg("wallet.locked", "The wallet is locked. Unlock it with its password to continue.")
FAUCET_SANDBOX_ONLY = Msg("chain.faucet_sandbox_only", "Test KAIA is only available on the sandbox network.")
PASSWORD_TOO_SHORT = Msg(
    "wallet.password_too_short",
    "Use at least {min_password_length} characters for the password.",
)
PASSWORDS_DIFFER = Msg(
    "wallet.passwords_differ",
    "The two passwords are not the same. Type the password again in both boxes.",
)
PASSWORD_HINT_TOO_SHORT = Msg(
    "wallet.password_hint_too_short", "Too short: use at least {min_password_length} characters."
)
PASSWORD_HINT_EMPTY = Msg("wallet.password_hint_empty", "Use at least {min_password_length} characters.")
PASSWORD_HINT_LONGER = Msg(
    "wallet.password_hint_longer",
    "Longer is stronger: add another uncommon word or two.",
)
TEXT_NOT_TEXT = Msg("wallet.text_not_text", "{what} must be text.")
TEXT_HIDDEN_CHARACTERS = Msg(
    "wallet.text_hidden_characters",
    "{what} contains a hidden control or text-direction character, which would change how it is shown (such "
    "characters often come along when text is pasted). Type it again without them.",
)
TEXT_TOO_LONG = Msg(
    "wallet.text_too_long",
    "{what} can have at most {max_length} characters; this one has {count}.",
)
UNLISTED_KEYSTORE_OTHER_ACCOUNT = Msg(
    "wallet.unlisted_keystore_other_account",
    "The keystore file {name} says it holds another account ({claimed}), so it was left out rather than trusted. "
    "Rename it to match, or import it again.",
)
UNLISTED_KEYSTORE_DAMAGED = Msg(
    "wallet.unlisted_keystore_damaged",
    "The keystore file {name} is damaged, so it was left out. Restore it from a backup.",
)
ACCOUNTS_RECOVERED = Msg(
    "wallet.accounts_recovered",
    "{adopted} account(s) were found in keystore files the account list did not name, and were added back with "
    "names like “Account 1”. Rename them in the wallet.",
)
LISTED_KEYSTORE_MISSING = Msg(
    "wallet.listed_keystore_missing",
    "The keystore file for “{name}” ({address}) is missing from {folder}, so the account is not shown. Put the "
    "file back to use it again.",
)
ACCOUNT_LIST_REBUILT = Msg(
    "wallet.account_list_rebuilt",
    "The account list ({index_name}) was damaged, so it was rebuilt from the keystore files; the damaged one is "
    "kept as {name}.",
)
# What a node did wrong, said after "The {network_name} node" (chain.node_bad_reply).
REPLY_ERROR_ONLY = Msg("chain.reply_error_only", "answered with an error (HTTP {status}) and nothing else.")
REPLY_EMPTY = Msg("chain.reply_empty", "sent an empty reply.")
REPLY_ERROR_PAGE = Msg("chain.reply_error_page", "answered with an error page (HTTP {status}) instead of a reply.")
REPLY_NOT_JSON_RPC = Msg("chain.reply_not_json_rpc", "sent a reply this app cannot read (it is not JSON-RPC).")
REPLY_BAD_ERROR = Msg("chain.reply_bad_error", "sent an error this app cannot read.")
REPLY_OTHER_REQUEST = Msg(
    "chain.reply_other_request",
    "answered a different request than the one this app sent, so its answer cannot be trusted.",
)
REPLY_NO_RESULT = Msg("chain.reply_no_result", "sent a reply with neither a result nor an error in it.")
REPLY_HTTP_ERROR = Msg("chain.reply_http_error", "answered with an error (HTTP {status}) instead of a reply.")
REPLY_TOO_LARGE = Msg(
    "chain.reply_too_large", "sent a reply larger than {limit} MB, which no request of this app needs."
)
REPLY_UNREADABLE = Msg("chain.reply_unreadable", "sent a reply this app cannot read.")
NO_NODE_ADDRESS = Msg("chain.no_node_address", "No address is set for the {what}.")
# Why a keystore file cannot be used, said after its opening (wallet.keystore_problem).
KEYSTORE_NOT_OBJECT = Msg("wallet.keystore_not_object", "it is not a JSON object")
KEYSTORE_VERSION_4 = Msg(
    "wallet.keystore_version_4", "it is a version 4 (validator) keystore; Kaia accounts use version 3"
)
KEYSTORE_NOT_VERSION_3 = Msg("wallet.keystore_not_version_3", "it is not a version 3 keystore")
KEYSTORE_NO_CRYPTO = Msg("wallet.keystore_no_crypto", "its “crypto” section is missing")
KEYSTORE_OTHER_CIPHER = Msg("wallet.keystore_other_cipher", "it uses a cipher other than aes-128-ctr")
KEYSTORE_BAD_CIPHER_FIELDS = Msg(
    "wallet.keystore_bad_cipher_fields", "its iv, ciphertext or mac is missing or not hexadecimal"
)
KEYSTORE_BAD_ADDRESS = Msg("wallet.keystore_bad_address", "its address is not an address")
KEYSTORE_NO_KDF_SETTINGS = Msg("wallet.keystore_no_kdf_settings", "its key-derivation settings are missing")
KEYSTORE_BAD_SCRYPT = Msg("wallet.keystore_bad_scrypt", "its scrypt settings are invalid or too costly to open")
KEYSTORE_COSTLY_SCRYPT = Msg("wallet.keystore_costly_scrypt", "its scrypt settings are too costly to open")
KEYSTORE_BAD_PBKDF2 = Msg("wallet.keystore_bad_pbkdf2", "its pbkdf2 settings are invalid or too costly to open")
KEYSTORE_OTHER_KDF = Msg("wallet.keystore_other_kdf", "it uses a key-derivation function other than scrypt or pbkdf2")
KEYSTORE_PROBLEM = Msg("wallet.keystore_problem", "{opening}: {reason}. {next_step}")
KEYSTORE_DAMAGED_OPENING = Msg("wallet.keystore_damaged_opening", "The keystore file for {name} is damaged")
KEYSTORE_UNUSABLE_OPENING = Msg("wallet.keystore_unusable_opening", "This is not a usable keystore file")
RESTORE_FROM_BACKUP = Msg("wallet.restore_from_backup", "Restore it from a backup.")
EXPORT_AGAIN = Msg("wallet.export_again", "Export it again from the wallet app it came from.")
KEYSTORE_JSON_PROBLEM = Msg("wallet.keystore_json_problem", "it {problem}")
MINTING_UNAVAILABLE = Msg("chain.minting_unavailable", "Minting is not available")
