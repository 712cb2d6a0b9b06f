"""News claims the forum takes up: echoed or contested, by actor and predicate.

A *claim* is a declarative news sentence (:data:`CLAIM_WORDS` long, ending
like a statement) that mentions a target or a frame term and names at least
one *actor*. A sentence's actors are the targets it mentions (by alias) and
the other named entities in it: words the texts at hand write with a capital
letter inside a sentence more often than without one ("Japan", "Pentagon").
Its *predicate* is the rest of its content words (stems), less the words of
attribution ("said", "according", "statement"), which report a claim rather
than make it.

A forum opinion sentence takes up a claim only when it names one of the
claim's actors *and* shares a good part of its predicate (at least
:data:`PREDICATE_SHARE` of the predicate's idf weight), and the two are
close by the cosine similarity of their TF-IDF weighted stems (at least
:data:`CLAIM_THRESHOLD`). Shared vocabulary alone ("strategic") is never
enough: a sentence that names none of the claim's actors does not take it up.

The match is *contested* when the two sentences' VADER polarities have
opposite signs (both beyond :data:`POLARITY_MARGIN`), or one negates the
shared words and the other does not; *echoed* otherwise.

Matching is linear in the text: each forum sentence is indexed under every
(actor, predicate stem) pair it holds, and a claim is compared only with the
sentences filed under its own pairs. A pair held by more than
:data:`MAX_POSTINGS` forum sentences is too common to single out a claim and
finds no candidates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from analyzer.articles import is_boilerplate
from analyzer.framing.reader import ATTRIBUTION, Reader, Sentence, proper_nouns
from analyzer.framing.terms import content_stems, is_negation, stem
from analyzer.model import Article, ClaimMatch, Post
from analyzer.settings import Settings
from analyzer.text import compile_terms, sentences, words

_Reader, _proper_nouns = Reader, proper_nouns  # the names tests import them by

CLAIM_THRESHOLD = 0.3
"""Cosine similarity at which a forum sentence can take up a news claim.

Chosen on paraphrases: two sentences sharing three or four weighted content
words of a dozen land around 0.3-0.5, while unrelated sentences about the
same event that share only the actors' names stay below 0.2, since names
that occur everywhere get a low idf.
"""
PREDICATE_SHARE = 0.3
"""Least share of a claim's predicate weight (idf) the forum sentence must hold."""
POLARITY_MARGIN = 0.2
"""VADER compound score a sentence must pass (either sign) for its polarity to count."""
MAX_CLAIMS = 8
NEGATION_WINDOW = 4
"""Words either side of a negation within which a shared word counts as negated."""
CLAIM_WORDS = (6, 60)
"""Shortest and longest news sentence, in words, taken as a claim."""
FORUM_MIN_STEMS = 3
MAX_POSTINGS = 500
"""Forum sentences an (actor, predicate stem) pair may be filed under and still
find candidates; a pair more common than that singles out nothing."""

_ENDS_LIKE_STATEMENT = re.compile(r"[.!]['\"”’)\]]*\s*$")

def match_claims(voices: Sequence[Post], articles: Sequence[Article], settings: Settings,
                 threshold: float = CLAIM_THRESHOLD, limit: int = MAX_CLAIMS
                 ) -> tuple[ClaimMatch, ...]:
    """Match news claims to the forum opinion sentences that take them up.

    Args:
        voices: Forum opinion posts, one per voice.
        articles: The news articles.
        settings: Supplies the targets (actors) and frames whose mention makes
            a claim, and the lexicon for polarity.
        threshold: Lowest cosine similarity that counts as a match.
        limit: Most matches returned.

    Returns:
        The best matches, at most one per claim and one per forum sentence,
        most similar first. Each names the actors and predicate stems the
        two sentences share.
    """
    mentions = compile_terms([alias for target in settings.targets for alias in target.aliases]
                             + [term for frame in settings.frames for term in frame.terms])
    # Each text is split once: a large thread's paragraphs overflow the
    # splitter's cache, and splitting again would cost as much as the first time.
    news_split = [sentences(article.text) for article in articles]
    forum_split = [sentences(post.text) for post in voices]
    capitals: list[tuple[str, ...]] = []
    reader = Reader(news_split + forum_split, settings, capitals)
    news_all = [reader.read(s, article.id)
                for article, split in zip(articles, news_split, strict=True) for s in split]
    claims = [s for s in news_all if s.actors and s.predicate and _is_claim(s.text, mentions)]
    if not claims:
        return ()
    forum = _ForumSentences(reader, claims)
    forum_capitals = iter(capitals[sum(len(split) for split in news_split):])
    for post, split in zip(voices, forum_split, strict=True):
        for text in split:
            forum.add(text, post.id, next(forum_capitals))
    if not forum.stems:
        return ()
    idf = _idf([s.stems for s in news_all], forum.df(), len(forum.stems))
    vectors: dict[int, dict[str, float]] = {}
    pairs: list[tuple[float, int, int]] = []
    for c, claim in enumerate(claims):
        candidates: set[int] = set()
        for actor in claim.actors:
            for word in claim.predicate:
                found = forum.index.get((actor, word), ())
                if len(found) <= MAX_POSTINGS:
                    candidates.update(found)
        vector = _vector(claim.stems, idf)
        weight = math.fsum(idf.get(w, 1.0) for w in claim.predicate)
        for f in candidates:
            shared = claim.predicate & forum.predicates[f]
            if math.fsum(idf.get(w, 1.0) for w in shared) < PREDICATE_SHARE * weight:
                continue
            if f not in vectors:
                vectors[f] = _vector(forum.stems[f], idf)
            score = _cosine(vector, vectors[f])
            if score >= threshold:
                pairs.append((score, c, f))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    return _best(pairs, claims, forum, settings, limit)


class _ForumSentences:
    """The forum sentences that can take up a claim: those naming an actor.

    Each kept sentence (at least :data:`FORUM_MIN_STEMS` distinct stems and
    one actor) counts in the idf; its predicate is read, and it is filed
    under its (actor, predicate stem) pairs, only where a claim could find
    it there, since no other pair is ever looked up.
    """

    def __init__(self, reader: Reader, claims: Sequence[Sentence]) -> None:
        self.reader = reader
        self.pairs = {(actor, word) for claim in claims
                      for actor in claim.actors for word in claim.predicate}
        self.claim_actors = frozenset(actor for actor, _ in self.pairs)
        self.words_of: dict[str, set[str]] = defaultdict(set)  # each actor's predicate words
        for actor, word in self.pairs:
            self.words_of[actor].add(word)
        self.texts: list[str] = []
        self.owners: list[str] = []
        self.stems: list[tuple[str, ...]] = []
        self.actors: list[frozenset[str]] = []
        self.predicates: list[frozenset[str]] = []
        # Each kept sentence's distinct stems, one after another: a flat list
        # costs a pointer a stem, where a set a sentence cost ~0.7 KB each.
        self._distinct: list[str] = []
        self.index: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, text: str, owner: str, capitals: Sequence[str]) -> None:
        """Read one forum sentence, keeping it if it names an actor.

        ``capitals``: its capitalised non-stop words, as :func:`_names_in` found them.
        """
        targets, rest = self.reader.targets_in(text)
        names = self.reader.names_among(capitals) if rest is text else self.reader.names_in(rest)
        if not targets and not names:
            return
        stems = content_stems(text)
        distinct = set(stems)
        if len(distinct) < FORUM_MIN_STEMS:
            return
        actors = frozenset(targets | names)
        f = len(self.stems)
        self.texts.append(text)
        self.owners.append(owner)
        self.stems.append(tuple(stems))
        self.actors.append(actors)
        self._distinct.extend(distinct)
        if self.claim_actors.isdisjoint(actors):
            self.predicates.append(frozenset())  # never a candidate: no claim's actor
            return
        predicate = frozenset(distinct if rest is text else content_stems(rest)).difference(
            names, ATTRIBUTION)
        self.predicates.append(predicate)
        words_of = self.words_of
        for actor in self.claim_actors.intersection(actors):
            for word in predicate.intersection(words_of[actor]):
                self.index[(actor, word)].append(f)

    def df(self) -> Counter[str]:
        """How many kept sentences hold each stem."""
        return Counter(self._distinct)

    def sentence(self, f: int) -> Sentence:
        """The ``f``-th kept sentence."""
        return Sentence(self.texts[f], self.owners[f], self.stems[f], self.actors[f],
                         self.predicates[f])


def _best(pairs: Sequence[tuple[float, int, int]], claims: Sequence[Sentence],
          forum: _ForumSentences, settings: Settings, limit: int) -> tuple[ClaimMatch, ...]:
    matches: list[ClaimMatch] = []
    used_claims: set[str] = set()
    used_forum: set[int] = set()
    for score, c, f in pairs:
        claim, reply = claims[c], forum.sentence(f)
        key = " ".join(words(claim.text))
        if key in used_claims or f in used_forum:
            continue
        used_claims.add(key)
        used_forum.add(f)
        matches.append(ClaimMatch(
            claim=claim.text, article_id=claim.owner, post_id=reply.owner,
            forum_text=reply.text, similarity=round(min(score, 1.0), 4),
            verdict="contested" if contests(claim.text, reply.text, settings) else "echoed",
            actors=tuple(sorted(claim.actors & reply.actors)),
            predicate=tuple(sorted(claim.predicate & reply.predicate)),
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


def _idf(news: Iterable[Sequence[str]], forum_df: Counter[str], forum_count: int
         ) -> dict[str, float]:
    """Smoothed idf over the news sentences and the kept forum sentences (``forum_df``)."""
    df = Counter(forum_df)
    n = forum_count
    for stems in news:
        n += 1
        df.update(set(stems))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def _vector(stems: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(stems)
    vector = {term: (1.0 + math.log(count)) * idf.get(term, 1.0)
              for term, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return math.fsum(weight * b.get(term, 0.0) for term, weight in a.items())


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
