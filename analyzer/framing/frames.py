"""Framing: how forum opinion and each news article frame the same event.

Three comparisons, all over forum *opinion* (posts of kind ``"opinion"``,
each repost cluster counted once, as one voice):

1. **Frame shares.** Matches of each frame's terms (``settings.frames``)
   are counted in the forum's pooled opinion text and in each article (title
   and text); a frame's share is its matches over all frame matches in that
   text, 0.0 everywhere for a text with none.
2. **Distinctive terms**, forum against news, by log-odds with an informative
   Dirichlet prior (see :mod:`analyzer.framing.terms`).
3. **Claims.** News sentences that mention a target or a frame term and read
   as declarative statements are matched to their most similar forum opinion
   sentence, by cosine similarity of TF-IDF weighted content-word stems. A
   pair at or above :data:`CLAIM_THRESHOLD` is a match; it is *contested*
   when the two sentences' VADER polarities have opposite signs (both beyond
   :data:`POLARITY_MARGIN`) or one negates the shared words and the other
   does not, and *echoed* otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analyzer.articles import is_boilerplate
from analyzer.framing.terms import content_stems, count_terms, distinctive_terms, is_negation, stem
from analyzer.model import Article, ClaimMatch, Framing, Post, RepostCluster, Thread
from analyzer.settings import Settings
from analyzer.text import compile_terms, sentences, words

CLAIM_THRESHOLD = 0.3
"""Cosine similarity at which a forum sentence counts as taking up a news claim.

Chosen on paraphrases: two sentences sharing three or four weighted content
words of a dozen land around 0.3-0.5, while unrelated sentences about the
same event that share only the actors' names ("Russia", "China") stay below
0.2, since names that occur everywhere get a low idf.
"""
POLARITY_MARGIN = 0.2
"""VADER compound score a sentence must pass (either sign) for its polarity to count."""
MAX_CLAIMS = 8
TOP_TERMS = 15
NEGATION_WINDOW = 4
"""Words either side of a negation within which a shared word counts as negated."""
CLAIM_WORDS = (6, 60)
"""Shortest and longest news sentence, in words, taken as a claim."""
FORUM_MIN_STEMS = 3
MIN_SHARED = 2
"""Content-word stems a claim and a forum sentence must share to be matched at all,
so one word in common with a very short sentence is never a match."""

_ENDS_LIKE_STATEMENT = re.compile(r"[.!]['\"”’)\]]*\s*$")


def compare(thread: Thread, articles: Sequence[Article], clusters: Sequence[RepostCluster],
            settings: Settings) -> Framing:
    """Compare the framing of forum opinion with that of the news articles.

    Args:
        thread: The thread, with pasted news already marked ``kind="news"``.
        articles: News articles about the same event (may be empty).
        clusters: Repost clusters; each counts once, through its first
            opinion post.
        settings: Supplies the frames and the targets.

    Returns:
        Frame shares for the forum and each article, the terms most
        distinctive of each side, and the news claims the forum echoes or
        contests. With no articles, only the forum's frame shares are filled.
    """
    frames = tuple(frame.name for frame in settings.frames)
    patterns = tuple((frame.name, compile_terms(frame.terms)) for frame in settings.frames)
    voices = opinion_voices(thread, clusters)
    forum = frame_shares("\n\n".join(post.text for post in voices), patterns)
    if not articles:
        return Framing(frames=frames, forum=forum, news=())
    news = tuple((article.id, frame_shares(_article_text(article), patterns))
                 for article in articles)
    forum_terms, news_terms = distinctive_terms(
        count_terms(post.text for post in voices),
        count_terms(_article_text(article) for article in articles),
        top=TOP_TERMS,
    )
    return Framing(
        frames=frames,
        forum=forum,
        news=news,
        distinctive_forum=forum_terms,
        distinctive_news=news_terms,
        claims=match_claims(voices, articles, settings),
    )


def opinion_voices(thread: Thread, clusters: Sequence[RepostCluster]) -> tuple[Post, ...]:
    """Return the opinion posts, keeping only the first opinion copy of each repost cluster."""
    cluster_of = {post_id: cluster.id for cluster in clusters for post_id in cluster.post_ids}
    seen: set[int] = set()
    voices = []
    for post in thread.posts:
        if post.kind != "opinion" or not post.text.strip():
            continue
        cluster = cluster_of.get(post.id)
        if cluster is not None:
            if cluster in seen:
                continue
            seen.add(cluster)
        voices.append(post)
    return tuple(voices)


def frame_shares(text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]
                 ) -> tuple[tuple[str, float], ...]:
    """Return each frame's share of all frame-term matches in ``text``, in the given order."""
    hits = [(name, sum(1 for _ in pattern.finditer(text))) for name, pattern in patterns]
    total = sum(count for _, count in hits)
    return tuple((name, round(count / total, 4) if total else 0.0) for name, count in hits)


def _article_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}" if article.title else article.text


# --- Claims ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    owner: str
    stems: tuple[str, ...]


def match_claims(voices: Sequence[Post], articles: Sequence[Article], settings: Settings,
                 threshold: float = CLAIM_THRESHOLD, limit: int = MAX_CLAIMS
                 ) -> tuple[ClaimMatch, ...]:
    """Match news claims to the forum opinion sentences closest to them.

    Args:
        voices: Forum opinion posts, one per voice.
        articles: The news articles.
        settings: Supplies the targets and frames whose mention makes a claim,
            and the lexicon for polarity.
        threshold: Lowest cosine similarity that counts as a match.
        limit: Most matches returned.

    Returns:
        The best matches, at most one per claim and one per forum sentence,
        most similar first.
    """
    mentions = compile_terms([alias for target in settings.targets for alias in target.aliases]
                             + [term for frame in settings.frames for term in frame.terms])
    news_all = [_Sentence(s, article.id, tuple(content_stems(s)))
                for article in articles for s in sentences(article.text)]
    claims = [s for s in news_all if _is_claim(s.text, mentions)]
    forum = [_Sentence(s, post.id, tuple(content_stems(s)))
             for post in voices for s in sentences(post.text)]
    forum = [s for s in forum if len(set(s.stems)) >= FORUM_MIN_STEMS]
    if not claims or not forum:
        return ()
    idf = _idf([s.stems for s in news_all] + [s.stems for s in forum])
    forum_vectors = [_vector(s.stems, idf) for s in forum]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(forum_vectors):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    pairs: list[tuple[float, int, int]] = []
    for c, claim in enumerate(claims):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in _vector(claim.stems, idf).items():
            for index, other in postings.get(term, ()):
                scores[index] += weight * other
        pairs.extend((score, c, f) for f, score in scores.items()
                     if score >= threshold and len(set(claim.stems) & set(forum[f].stems))
                     >= MIN_SHARED)
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    matches: list[ClaimMatch] = []
    used_claims: set[str] = set()
    used_forum: set[int] = set()
    for score, c, f in pairs:
        claim, reply = claims[c], forum[f]
        key = " ".join(words(claim.text))
        if key in used_claims or f in used_forum:
            continue
        used_claims.add(key)
        used_forum.add(f)
        matches.append(ClaimMatch(
            claim=claim.text, article_id=claim.owner, post_id=reply.owner,
            forum_text=reply.text, similarity=round(min(score, 1.0), 4),
            verdict="contested" if contests(claim.text, reply.text, settings) else "echoed",
        ))
        if len(matches) >= limit:
            break
    return tuple(matches)


def _is_claim(sentence: str, mentions: re.Pattern[str]) -> bool:
    count = len(sentence.split())
    return (CLAIM_WORDS[0] <= count <= CLAIM_WORDS[1]
            and bool(_ENDS_LIKE_STATEMENT.search(sentence))
            and not sentence.lstrip("\"'“‘([ ")[:1].islower()
            and not is_boilerplate(sentence)
            and bool(mentions.search(sentence)))


def _idf(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for stems in documents:
        n += 1
        df.update(set(stems))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def _vector(stems: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(stems)
    vector = {term: (1.0 + math.log(count)) * idf.get(term, 1.0)
              for term, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


# --- Verdict --------------------------------------------------------------------------


def contests(claim: str, reply: str, settings: Settings) -> bool:
    """Return True if ``reply`` opposes ``claim`` rather than echoing it.

    It does when their polarities have opposite signs, both beyond
    :data:`POLARITY_MARGIN`, or when exactly one of them negates a word the
    two share (a negation within :data:`NEGATION_WINDOW` words of it).
    """
    from analyzer.stance.sentiment import polarity

    a, b = polarity(claim, settings), polarity(reply, settings)
    if a * b < 0 and abs(a) > POLARITY_MARGIN and abs(b) > POLARITY_MARGIN:
        return True
    shared = set(content_stems(claim)) & set(content_stems(reply))
    return _negates(claim, shared) != _negates(reply, shared)


def _negates(sentence: str, shared: set[str]) -> bool:
    tokens = words(sentence)
    stems = [stem(re.sub(r"['’]s$", "", token)) for token in tokens]
    for i, token in enumerate(tokens):
        if not is_negation(token):
            continue
        window = stems[max(0, i - NEGATION_WINDOW):i + NEGATION_WINDOW + 1]
        if any(s in shared for s in window):
            return True
    return False
