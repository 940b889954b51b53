"""The one exception users see: its text is a translated, one-line message that says what is
wrong and what to do. Everything else is a bug and is logged, never shown as a traceback."""


class FacilitatorError(Exception):
    """A problem the user can act on; str(error) is the message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
