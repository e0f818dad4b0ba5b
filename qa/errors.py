"""Errors that reach the user as one line on stderr (exit code 2), never as a traceback."""


class QaInputError(Exception):
    """Bad input or usage: the message is shown as is, one line, and the command exits 2."""
