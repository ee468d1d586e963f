"""The Token workspace: a design and its description previewed as the NFT the world will see."""
