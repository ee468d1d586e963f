// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Create Your SM6: one token per Renault SM6 design made in SM6 Design Studio.
/// @notice Each token's URI points at its metadata (IPFS); its content hash is the SHA-256 of the design image,
///         so the same image can be minted only once. Minting is done by the campaign's minters (the owner always
///         is one) and can be closed at a submission deadline. ERC-721 (KIP-17 compatible) with ERC-4906
///         MetadataUpdate events when the owner corrects a token URI.
contract SM6DesignToken is ERC721URIStorage, Ownable {
    /// @notice The image with this SHA-256 is already token `tokenId`.
    error ContentAlreadyMinted(bytes32 contentHash, uint256 tokenId);
    /// @notice The submission deadline (Unix seconds) has passed.
    error SubmissionsClosed(uint64 deadline);
    /// @notice `account` may not mint.
    error NotMinter(address account);
    /// @notice A content hash of zero is not the hash of any image.
    error EmptyContentHash();

    event MinterChanged(address indexed account, bool allowed);
    event Minted(uint256 indexed tokenId, address indexed to, bytes32 indexed contentHash, string uri);
    event SubmissionDeadlineChanged(uint64 deadline);

    /// @notice The token minted for each content hash; 0 when none.
    mapping(bytes32 contentHash => uint256 tokenId) public tokenOfContent;

    /// @notice Unix seconds after which minting stops; 0 means no deadline.
    uint64 public submissionDeadline;

    mapping(address account => bool allowed) private _minters;
    uint256 private _totalMinted;

    /// @param initialOwner Owner of the contract; the owner is always a minter.
    constructor(address initialOwner) ERC721("Create Your SM6", "SM6") Ownable(initialOwner) {}

    /// @notice Whether `account` may mint: the current owner always may, others once allowed by `setMinter`.
    function isMinter(address account) public view returns (bool) {
        return account == owner() || _minters[account];
    }

    /// @notice Allows or stops `account` minting. Has no effect on the owner, who may always mint.
    function setMinter(address account, bool allowed) external onlyOwner {
        _minters[account] = allowed;
        emit MinterChanged(account, allowed);
    }

    /// @notice Sets the submission deadline in Unix seconds; 0 removes it.
    function setSubmissionDeadline(uint64 deadline) external onlyOwner {
        submissionDeadline = deadline;
        emit SubmissionDeadlineChanged(deadline);
    }

    /// @notice Mints the next token (ids count up from 1) to `to`, with metadata at `uri`, for the image whose
    ///         SHA-256 is `contentHash`.
    function mint(address to, string calldata uri, bytes32 contentHash) external returns (uint256 tokenId) {
        if (!isMinter(msg.sender)) revert NotMinter(msg.sender);
        uint64 deadline = submissionDeadline;
        if (deadline != 0 && block.timestamp > deadline) revert SubmissionsClosed(deadline);
        if (contentHash == bytes32(0)) revert EmptyContentHash();
        uint256 existing = tokenOfContent[contentHash];
        if (existing != 0) revert ContentAlreadyMinted(contentHash, existing);

        tokenId = ++_totalMinted;
        tokenOfContent[contentHash] = tokenId;
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
        emit Minted(tokenId, to, contentHash, uri);
    }

    /// @notice Replaces the metadata URI of an existing token; emits ERC-4906 MetadataUpdate.
    function setTokenURI(uint256 tokenId, string calldata uri) external onlyOwner {
        _requireOwned(tokenId);
        _setTokenURI(tokenId, uri);
    }

    /// @notice How many tokens have been minted (ids 1 to this number).
    function totalMinted() external view returns (uint256) {
        return _totalMinted;
    }
}
