"""Facilitator: run and record structured consultations, offline."""

__version__ = "0.2.0"
