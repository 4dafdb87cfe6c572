"""Dialogs: preferences, help."""
