"""The open file and every change made to it, as operations that return change sets (Qt-free)."""
