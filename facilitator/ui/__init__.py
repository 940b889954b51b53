"""The PySide6 user interface."""
