"""The app's screens: claim queue, claim, sources, help."""
