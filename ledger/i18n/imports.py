"""The statement importer's words: refusals naming the file, row and column, and notes."""

IMPORTS: dict[str, dict[str, str]] = {}
