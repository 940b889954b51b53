"""Widgets and helpers every area uses: bidi isolation, error dialogs, key handling, live retranslation."""
