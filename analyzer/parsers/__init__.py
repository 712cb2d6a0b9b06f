"""Parsers: one module per forum engine or export format."""
