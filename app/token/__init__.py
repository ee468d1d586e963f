"""Token content: metadata, and local IPFS content addressing (CIDs, CAR files) for images and metadata."""
