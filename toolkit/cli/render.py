"""CLI for the render stage (being written; registers nothing yet)."""


def register(app) -> None:
    return None
