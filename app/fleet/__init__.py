"""Fleets: kiosks without a GPU generate on a shared server (Ray Serve). The server side (`sm6-studio serve`)
and the client backend the app uses (docs/ARCHITECTURE.md, "Fleets")."""
