"""Whole-file dialogs: export, backups and restore."""
