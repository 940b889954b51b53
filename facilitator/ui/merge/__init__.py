"""Merging colleagues' files: the dialogs, the report and the conflicts view."""
