"""Facilitator: run and record structured consultations, offline."""

__version__ = "0.1.0"
