"""CLI for the ner stage (being written; registers nothing yet)."""


def register(app) -> None:
    return None
