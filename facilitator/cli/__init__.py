"""The `facilitator` command line."""
