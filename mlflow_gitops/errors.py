"""Errors a user can fix; the command line prints them as one message and exits 2."""


class BadInput(Exception):
    """Bad input: the message names the file, the field and the fix."""


class OverlayError(BadInput):
    """An overlay file is missing, not YAML, or not a valid overlay."""


class RenderError(BadInput):
    """The repository, not the overlay, lacks something a chart needs."""
