"""CLI for convert (being written)."""


def register(app) -> None:
    return None
