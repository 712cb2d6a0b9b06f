"""Shared test set-up: hypothesis profiles, and a parser registry without plugins.

The default profile keeps property-based tests quick enough for CI. For a
longer fuzz session: ``pytest --hypothesis-profile=fuzz``.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from analyzer.parsers import registry

settings.register_profile("default", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _built_in_parsers_only(request: pytest.FixtureRequest,
                           monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Hide installed third-party parser plugins, except from tests marked ``plugins``.

    Tests of detection and of the engine list must not depend on what else
    is installed; ``tests/test_plugins.py`` opts in to see the real plugins.
    """
    if request.node.get_closest_marker("plugins") is None:
        real = importlib.metadata.entry_points

        def built_in(**kwargs: str) -> Any:
            if kwargs.get("group") != registry.ENTRY_POINT_GROUP:
                return real(**kwargs)  # other libraries' plugins (dask's, say) as they are
            return [ep for ep in real(**kwargs) if ep.value.startswith("analyzer.")]

        monkeypatch.setattr(registry.importlib.metadata, "entry_points", built_in)
    registry.clear_cache()
    yield
    registry.clear_cache()
