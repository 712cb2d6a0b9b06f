"""The repost search as JSON (the ``reposts --json`` contract).

``{"clusters": [{"id": 1, "posts": [{"thread": "t3", "post_id": "7", "author":
"ann", "timestamp": "2021-03-02T10:00:00+00:00"}, ...], "authors": [...],
"threads": [...], "self_repost": false, "similarity": 0.93, "containment": 0.97,
"text_preview": "..."}], "facts": {...}}``. Times are ISO 8601 in UTC, or null.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from analyzer.dumps.model import DumpCluster, RepostSearch


def iso(timestamp: float | None) -> str | None:
    """Seconds since the epoch as ISO 8601 (UTC), or None."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC).isoformat()


def cluster_to_dict(cluster: DumpCluster) -> dict[str, Any]:
    """One cluster as JSON-ready data."""
    return {
        "id": cluster.id,
        "posts": [{"thread": p.thread, "post_id": p.post_id, "author": p.author,
                   "timestamp": iso(p.timestamp)} for p in cluster.posts],
        "authors": list(cluster.authors),
        "threads": list(cluster.threads),
        "self_repost": cluster.self_repost,
        "similarity": cluster.similarity,
        "containment": cluster.containment,
        "text_preview": cluster.text_preview,
    }


def search_to_dict(search: RepostSearch) -> dict[str, Any]:
    """The whole search as JSON-ready data: clusters, then how it ran."""
    facts = asdict(search.facts)
    facts["skipped"] = dict(search.facts.skipped)
    return {"clusters": [cluster_to_dict(c) for c in search.clusters], "facts": facts}


__all__ = ["cluster_to_dict", "iso", "search_to_dict"]
