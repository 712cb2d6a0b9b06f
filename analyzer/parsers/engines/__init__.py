"""The built-in forum engines: one module per engine (plus the text-copy segmenter)."""
