"""CLI for the validate stage (being written; registers nothing yet)."""


def register(app) -> None:
    return None
