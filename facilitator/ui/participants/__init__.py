"""The roster: participants, their editor and registration-list import."""
