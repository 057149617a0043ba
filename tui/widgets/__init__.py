"""Widgets and the small formatting helpers the screens share."""
