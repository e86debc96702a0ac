"""CLI for the deposit stage (being written; registers nothing yet)."""


def register(app) -> None:
    return None
