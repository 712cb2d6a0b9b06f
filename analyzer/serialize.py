"""The JSON output contract (DESIGN.md section 4), built from the data model and read back.

``parse --format json`` writes :func:`thread_to_dict`; ``--format jsonl``
writes :func:`thread_to_rows`, one object a line: a thread header line
``{"thread": {...}}``, one post object per line, then one
``{"skipped": {...}}`` line per skipped item. :func:`thread_from_dict`,
:func:`post_from_dict` and :func:`skipped_from_dict` read both back
unchanged, and refuse (``ValueError`` naming the field) anything the
writer would not have written.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal, TypeVar

from analyzer.model import Analysis, Post, PostKind, Quote, Skipped, Thread, cluster_of

_T = TypeVar("_T")

ThreadFormat = Literal["json", "jsonl"]
"""The encodings ``parse`` writes a thread in."""

SCORE_DIGITS = 4


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DIGITS)


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """A quote as JSON."""
    return {"text": quote.text, "post_id": quote.post_id, "author": quote.author}


def post_to_dict(post: Post) -> dict[str, Any]:
    """A post as JSON, in the contract's field order."""
    return {
        "id": post.id,
        "position": post.position,
        "author": post.author,
        "timestamp": post.timestamp.isoformat() if post.timestamp else None,
        "text": post.text,
        "quotes": [quote_to_dict(q) for q in post.quotes],
        "reply_to": post.reply_to,
        "kind": post.kind,
    }


def skipped_to_dict(item: Skipped) -> dict[str, Any]:
    """A skipped block as JSON."""
    return {"reason": item.reason, "preview": item.preview, "source": item.source}


def thread_header(thread: Thread) -> dict[str, Any]:
    """The thread's own fields as JSON: id, title, engine and url, and the
    plain-text copy's layout where the parser recorded one."""
    header: dict[str, Any] = {"id": thread.id, "title": thread.title, "engine": thread.engine,
                              "url": thread.url}
    if thread.layout:
        header["layout"] = thread.layout
    if thread.post_markers is not None:
        header["post_markers"] = list(thread.post_markers)
    return header


def thread_to_dict(thread: Thread) -> dict[str, Any]:
    """The ``parse --format json`` object: thread, posts and skipped."""
    return {
        "thread": thread_header(thread),
        "posts": [post_to_dict(p) for p in thread.posts],
        "skipped": [skipped_to_dict(s) for s in thread.skipped],
        "accounting": accounting(thread),
    }


def thread_to_rows(thread: Thread) -> list[dict[str, Any]]:
    """The ``parse --format jsonl`` rows: the thread header, each post, each skipped item."""
    return [{"thread": thread_header(thread)}, *(post_to_dict(p) for p in thread.posts),
            *({"skipped": skipped_to_dict(s)} for s in thread.skipped)]


def encode_thread(thread: Thread, fmt: ThreadFormat = "json") -> str:
    """The text ``parse`` writes: one indented JSON object, or JSON Lines; UTF-8, not ASCII.

    Args:
        thread: The parsed thread.
        fmt: ``"json"`` (:func:`thread_to_dict`) or ``"jsonl"`` (:func:`thread_to_rows`).
    """
    if fmt == "json":
        return json.dumps(thread_to_dict(thread), ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in thread_to_rows(thread))


def is_thread_dict(data: object) -> bool:
    """True if ``data`` is shaped like :func:`thread_to_dict`'s object (or ``analyse --json``'s)."""
    return (isinstance(data, dict) and isinstance(data.get("thread"), dict)
            and isinstance(data.get("posts"), list) and isinstance(data.get("skipped"), list)
            and isinstance(data["thread"].get("engine"), str))


def is_thread_header_row(row: object) -> bool:
    """True if ``row`` is the header line :func:`thread_to_rows` starts with."""
    return (isinstance(row, dict) and set(row) == {"thread"} and isinstance(row["thread"], dict)
            and isinstance(row["thread"].get("engine"), str))


def is_skipped_row(row: object) -> bool:
    """True if ``row`` is a skipped-item line of :func:`thread_to_rows`."""
    return isinstance(row, dict) and set(row) == {"skipped"}


def thread_from_dict(data: object, source: str | None = None) -> Thread:
    """Read :func:`thread_to_dict`'s object back into a thread.

    The stage results ``analyse --json`` adds (clusters, stance, ...) are
    not part of a thread and are passed over.

    Args:
        data: The parsed JSON.
        source: The file the posts are read from now (``Post.source`` is
            not written); skipped items keep their own.

    Raises:
        ValueError: If a field is missing or not what the writer writes;
            the message names it.
    """
    if not isinstance(data, dict):
        raise ValueError("expected an object with thread, posts and skipped")
    header = thread_header_from_dict(_field(data, "thread", dict, "thread"))
    posts = _field(data, "posts", list, "posts")
    skipped = _field(data, "skipped", list, "skipped")
    return Thread(
        id=header.id, title=header.title, engine=header.engine, url=header.url,
        layout=header.layout, post_markers=header.post_markers,
        posts=tuple(post_from_dict(p, source, f"posts[{i}]") for i, p in enumerate(posts)),
        skipped=tuple(skipped_from_dict(s, f"skipped[{i}]") for i, s in enumerate(skipped)),
    )


def thread_header_from_dict(data: object, where: str = "thread") -> Thread:
    """Read :func:`thread_header` back: a thread with these fields and no posts yet.

    Raises:
        ValueError: If a field is missing or of the wrong type.
    """
    row = _object(data, where)
    return Thread(id=_field(row, "id", str, where), title=_optional(row, "title", where),
                  engine=_field(row, "engine", str, where), url=_optional(row, "url", where),
                  posts=(), layout=_optional(row, "layout", where),
                  post_markers=_markers(row, where))


def post_from_dict(data: object, source: str | None = None, where: str = "post") -> Post:
    """Read :func:`post_to_dict`'s object back (``cluster`` and ``stance`` are passed over).

    Raises:
        ValueError: If a field is missing or of the wrong type.
    """
    row = _object(data, where)
    stamp = _optional(row, "timestamp", where)
    try:
        timestamp = datetime.fromisoformat(stamp) if stamp is not None else None
    except ValueError:
        raise ValueError(f"{where}.timestamp: not an ISO 8601 time: {stamp!r}") from None
    if timestamp is not None and timestamp.tzinfo is None:
        raise ValueError(f"{where}.timestamp: has no UTC offset: {stamp!r}")
    kind = _field(row, "kind", str, where)
    if kind not in ("opinion", "news"):
        raise ValueError(f'{where}.kind: must be "opinion" or "news", not {kind!r}')
    position = _field(row, "position", int, where)
    if isinstance(position, bool) or position < 0:
        raise ValueError(f"{where}.position: must be a whole number from 0")
    quotes = _field(row, "quotes", list, where)
    post_kind: PostKind = "news" if kind == "news" else "opinion"
    return Post(
        id=_field(row, "id", str, where), position=position,
        author=_optional(row, "author", where), timestamp=timestamp,
        text=_field(row, "text", str, where),
        quotes=tuple(quote_from_dict(q, f"{where}.quotes[{i}]") for i, q in enumerate(quotes)),
        reply_to=_optional(row, "reply_to", where), kind=post_kind, source=source,
    )


def quote_from_dict(data: object, where: str = "quote") -> Quote:
    """Read :func:`quote_to_dict`'s object back.

    Raises:
        ValueError: If a field is missing or of the wrong type.
    """
    row = _object(data, where)
    return Quote(text=_field(row, "text", str, where), post_id=_optional(row, "post_id", where),
                 author=_optional(row, "author", where))


def skipped_from_dict(data: object, where: str = "skipped") -> Skipped:
    """Read :func:`skipped_to_dict`'s object back.

    Raises:
        ValueError: If a field is missing or of the wrong type.
    """
    row = _object(data, where)
    return Skipped(reason=_field(row, "reason", str, where),
                   preview=_field(row, "preview", str, where),
                   source=_optional(row, "source", where))


def _object(data: object, where: str) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object")
    return data


def _field(row: Mapping[str, Any], key: str, kind: type[_T], where: str) -> _T:
    if key not in row:
        raise ValueError(f"{where}: missing {key!r}")
    value = row[key]
    if not isinstance(value, kind):
        raise ValueError(f"{where}.{key}: expected {_NAMES.get(kind, kind.__name__)}, "
                         f"got {type(value).__name__}")
    return value


def _optional(row: Mapping[str, Any], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}.{key}: expected a string or null, got {type(value).__name__}")
    return value


def _markers(row: Mapping[str, Any], where: str) -> tuple[str, ...] | None:
    value = row.get("post_markers")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}.post_markers: expected a list of strings")
    return tuple(value)


_NAMES: dict[type, str] = {str: "a string", int: "a number", list: "a list", dict: "an object"}


def accounting(thread: Thread) -> dict[str, Any]:
    """Posts seen, kept and skipped (by reason), and the posts the pages mark.

    ``marked`` is how many posts the pages' markup marks (None for inputs
    without such marks); ``unaccounted`` how many of those are neither kept
    nor skipped, when that is well short of them (else 0; see
    :meth:`analyzer.model.Thread.unaccounted`).
    """
    reasons = Counter(s.reason for s in thread.skipped)
    seen = len(thread.posts) + len(thread.skipped)
    return {
        "seen": seen,
        "kept": len(thread.posts),
        "skipped": dict(sorted(reasons.items())),
        "marked": len(thread.post_markers) if thread.post_markers is not None else None,
        "unaccounted": thread.unaccounted(),
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The ``analyse --json`` object: the parse object plus every stage's result."""
    data = thread_to_dict(analysis.thread)
    clusters = cluster_of(analysis.clusters)
    per_post: dict[str, dict[str, float | None]] = {
        p.id: {t.name: None for t in analysis.settings.targets} for p in analysis.thread.posts
    }
    via: dict[str, dict[str, str]] = {}
    for stance in analysis.stances:
        per_post[stance.post_id][stance.target] = _round(stance.score)
        via.setdefault(stance.post_id, {})[stance.target] = stance.via
    for post in data["posts"]:
        post["cluster"] = clusters.get(post["id"])
        post["stance"] = per_post[post["id"]]
        post["stance_via"] = via.get(post["id"], {})
    data["articles"] = [
        {"id": a.id, "title": a.title, "outlet": a.outlet, "date": a.date,
         "words": len(a.text.split())}
        for a in analysis.articles
    ]
    data["clusters"] = [
        {"id": c.id, "post_ids": list(c.post_ids), "authors": list(c.authors),
         "similarity": c.similarity, "containment": c.containment,
         "text_preview": c.text_preview}
        for c in analysis.clusters
    ]
    data["stance"] = {
        s.target: {
            "forum": _round(s.forum),
            "forum_naive": _round(s.forum_naive),
            "news": {aid: _round(score) for aid, score in s.news},
            "forum_voices": s.forum_voices,
            "forum_posts": s.forum_posts,
            "forum_interval": ([_round(s.forum_interval[0]), _round(s.forum_interval[1])]
                               if s.forum_interval else None),
        }
        for s in analysis.summary
    }
    data["news_verdicts"] = [
        {"post_id": v.post_id, "containment": v.containment, "article_id": v.article_id,
         "article_title": v.article_title, "reads_like_article": v.reads_like_article}
        for v in analysis.news_verdicts
    ]
    data["framing"] = _framing_to_dict(analysis)
    data["accounting"] = accounting(analysis.thread)
    data["settings"] = settings_to_dict(analysis)
    return data


def _framing_to_dict(analysis: Analysis) -> dict[str, Any]:
    framing = analysis.framing
    if framing is None:
        return {"frames": {}, "min_frame_hits": 0, "dates": None,
                "distinctive_terms": {"forum": [], "news": []}, "claims": []}
    forum = dict(framing.forum)
    forum_hits = dict(framing.forum_hits)
    news_hits = {aid: dict(hits) for aid, hits in framing.news_hits}
    means = framing.news_means()
    frames: dict[str, Any] = {}
    for name in framing.frames:
        by_article = {aid: _round(dict(shares).get(name)) for aid, shares in framing.news}
        news_mean = round(means[name], SCORE_DIGITS) if name in means else None
        frames[name] = {"forum": _round(forum.get(name)), "forum_hits": forum_hits.get(name, 0),
                        "news": news_mean, "by_article": by_article,
                        "hits_by_article": {aid: hits.get(name, 0)
                                            for aid, hits in news_hits.items()}}
    gap = framing.dates

    def terms(items: Any) -> list[dict[str, Any]]:
        return [{"term": t.term, "z": round(t.z, 3), "forum_count": t.forum_count,
                 "news_count": t.news_count} for t in items]

    return {
        "frames": frames,
        "min_frame_hits": framing.min_hits,
        "dates": None if gap is None else {
            "news_first": gap.news_first.isoformat(), "news_last": gap.news_last.isoformat(),
            "thread_first": gap.thread_first.isoformat(),
            "thread_last": gap.thread_last.isoformat(), "thread_source": gap.thread_source,
            "days": gap.days, "far": gap.far, "limit_days": gap.limit_days,
            "undated_articles": gap.undated_articles},
        "distinctive_terms": {"forum": terms(framing.distinctive_forum),
                              "news": terms(framing.distinctive_news)},
        "claims": [
            {"verdict": c.verdict, "claim": c.claim, "article_id": c.article_id,
             "post_id": c.post_id, "forum_text": c.forum_text,
             "similarity": round(c.similarity, 3), "actors": list(c.actors),
             "predicate": list(c.predicate)}
            for c in framing.claims
        ],
    }


def settings_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The parameters the analysis ran with, including LSH banding and error rates."""
    settings = analysis.settings
    lsh = analysis.method.lsh
    interval = analysis.method.interval
    return {
        "num_perm": settings.num_perm,
        "threshold": settings.threshold,
        "shingle": settings.shingle,
        "min_words": settings.min_words,
        "seed": settings.seed,
        "news_containment": settings.news_containment,
        "lsh": {"bands": lsh.bands, "rows": lsh.rows,
                "false_positive": round(lsh.false_positive, 4),
                "false_negative": round(lsh.false_negative, 4)},
        "targets": {t.name: {"label": t.label, "aliases": list(t.aliases),
                             "co_mention": list(t.co_mention), "rivals": list(t.rivals)}
                    for t in settings.targets},
        "targets_from": settings.targets_from, "topic": settings.topic,
        "topic_from": settings.topic_from,
        "frames": {f.name: {"label": f.label, "terms": list(f.terms)} for f in settings.frames},
        "lexicon_words": len(settings.lexicon),
        "interval": {"method": interval.name, "level": interval.level,
                     "min_voices": interval.min_voices},
        "neutral_band": analysis.method.neutral_band,
    }
