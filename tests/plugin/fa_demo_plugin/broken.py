"""A plugin module that cannot be imported, as happens when a dependency is missing."""

import forum_analyzer_missing_dependency  # noqa: F401

BrokenParser = None
