"""forum-analyzer: reposts, stance and news framing in saved forum threads."""

__version__ = "0.1.0"
