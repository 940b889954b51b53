"""The one exception users see: its text is a translated, one-line message that says what is
wrong and what to do. Everything else is a bug and is logged, never shown as a traceback."""

from collections.abc import Callable


class FacilitatorError(Exception):
    """A problem the user can act on; str(error) is the message to show.

    Given a callable instead of a string, the message is made again each time it is read, so
    a line that stays on screen follows a change of the interface language."""

    def __init__(self, message: str | Callable[[], str]) -> None:
        self._message = message
        super().__init__(message() if callable(message) else message)

    @property
    def message(self) -> str:
        return self._message() if callable(self._message) else self._message

    def __str__(self) -> str:
        return self.message
