"""Preparing a session: its overview and editors."""
