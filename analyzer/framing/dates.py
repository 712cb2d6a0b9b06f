"""How far apart the news articles' dates and the thread's dates are.

News supplied for comparison may report an earlier event than the one the
thread discusses (an earlier patrol, last year's summit), and then the
comparison is between two different events. :func:`date_gap` measures the
days between the span of the articles' dates and the span of the thread's,
so that a report can say so when they are far apart.

The thread's span is its posts' timestamps. Where no post carries one (a
plain-text copy, say), the dateline of news pasted into the thread stands in:
a thread is no older than the article it quotes. A pasted article's dateline
is the first date in its opening lines (:data:`DATELINE_CHARS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from analyzer.articles.meta import find_date
from analyzer.model import Article, DateGap, Thread

MAX_GAP_DAYS = 90
"""Days between the news and the thread beyond which a report warns that they
may be about different events."""
DATELINE_CHARS = 400
"""How much of a pasted article's start is searched for its dateline."""


def date_gap(thread: Thread, articles: Sequence[Article],
             limit_days: int = MAX_GAP_DAYS) -> DateGap | None:
    """Days between the articles' dates and the thread's.

    Args:
        thread: The thread, with pasted news marked ``kind="news"``.
        articles: The news articles.
        limit_days: Gaps longer than this are ``far``.

    Returns:
        The gap, or None when no article is dated or the thread has no date
        (no post timestamp and no dated pasted news).
    """
    news = sorted(d for d in (_article_date(a) for a in articles) if d is not None)
    if not news:
        return None
    stamps = sorted(p.timestamp.date() for p in thread.posts if p.timestamp is not None)
    source: Literal["posts", "pasted news"] = "posts"
    if not stamps:
        source = "pasted news"
        stamps = sorted(d for d in (_parse(find_date(p.text[:DATELINE_CHARS]))
                                    for p in thread.posts if p.kind == "news") if d)
    if not stamps:
        return None
    first, last = stamps[0], stamps[-1]
    days = max(0, (first - news[-1]).days, (news[0] - last).days)
    return DateGap(news_first=news[0], news_last=news[-1], thread_first=first,
                   thread_last=last, thread_source=source, days=days,
                   undated_articles=len(articles) - len(news),
                   far=days > limit_days, limit_days=limit_days)


def _article_date(article: Article) -> date | None:
    return _parse(article.date)


def _parse(value: str | None) -> date | None:
    """A date from an ISO ``YYYY-MM-DD`` string (a time after it is ignored), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
