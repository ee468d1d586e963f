"""The app-wide Settings: the page on the rail's bottom, the form behind it and each core package's card.

Settings is its own layer, not part of a workspace: it gathers what every workspace's core package lets a person
set (descriptions, publishing, the chain), so no workspace imports another to build it."""
