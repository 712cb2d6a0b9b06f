"""The JSON output contract (DESIGN.md section 4), built from the data model."""

from __future__ import annotations

from collections import Counter
from typing import Any

from analyzer.model import Analysis, Post, Quote, Skipped, Thread, cluster_of

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


def thread_to_dict(thread: Thread) -> dict[str, Any]:
    """The ``parse --format json`` object: thread, posts and skipped."""
    return {
        "thread": {"id": thread.id, "title": thread.title, "engine": thread.engine,
                   "url": thread.url},
        "posts": [post_to_dict(p) for p in thread.posts],
        "skipped": [skipped_to_dict(s) for s in thread.skipped],
    }


def accounting(thread: Thread) -> dict[str, Any]:
    """Posts seen, kept and skipped (by reason)."""
    reasons = Counter(s.reason for s in thread.skipped)
    return {
        "seen": len(thread.posts) + len(thread.skipped),
        "kept": len(thread.posts),
        "skipped": dict(sorted(reasons.items())),
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
         "similarity": c.similarity, "text_preview": c.text_preview}
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
    data["framing"] = _framing_to_dict(analysis)
    data["accounting"] = accounting(analysis.thread)
    data["settings"] = settings_to_dict(analysis)
    return data


def _framing_to_dict(analysis: Analysis) -> dict[str, Any]:
    framing = analysis.framing
    if framing is None:
        return {"frames": {}, "distinctive_terms": {"forum": [], "news": []}, "claims": []}
    forum = dict(framing.forum)
    means = framing.news_means()
    frames: dict[str, Any] = {}
    for name in framing.frames:
        by_article = {aid: round(dict(shares).get(name, 0.0), SCORE_DIGITS)
                      for aid, shares in framing.news}
        news_mean = round(means[name], SCORE_DIGITS) if name in means else None
        frames[name] = {"forum": round(forum.get(name, 0.0), SCORE_DIGITS), "news": news_mean,
                        "by_article": by_article}

    def terms(items: Any) -> list[dict[str, Any]]:
        return [{"term": t.term, "z": round(t.z, 3), "forum_count": t.forum_count,
                 "news_count": t.news_count} for t in items]

    return {
        "frames": frames,
        "distinctive_terms": {"forum": terms(framing.distinctive_forum),
                              "news": terms(framing.distinctive_news)},
        "claims": [
            {"verdict": c.verdict, "claim": c.claim, "article_id": c.article_id,
             "post_id": c.post_id, "forum_text": c.forum_text,
             "similarity": round(c.similarity, 3)}
            for c in framing.claims
        ],
    }


def settings_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The parameters the analysis ran with, including LSH banding and error rates."""
    settings = analysis.settings
    # Imported here: ``parse`` serialises threads and need not load datasketch or numpy.
    from analyzer.reposts import lsh_parameters
    from analyzer.stance.intervals import LEVEL, RESAMPLES

    lsh = lsh_parameters(settings)
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
        "bootstrap": {"resamples": RESAMPLES, "level": LEVEL},
    }
