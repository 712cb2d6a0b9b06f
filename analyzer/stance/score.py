"""Stance: how favourably each post and article speaks of each target.

For every target a text mentions (:mod:`analyzer.stance.mentions`), the
sentences and clauses that name it (its *evidence*) are scored with VADER
plus the domain lexicon (:mod:`analyzer.stance.sentiment`), and the text's
stance is their mean, in [-1, 1]. The rules of :mod:`analyzer.stance.rules`,
:mod:`analyzer.stance.comparison` and :mod:`analyzer.stance.speech_acts`
adjust a unit's score for one target:

- In a comparison ("far superior to the US"), the target on the losing side
  scores negative and the one on the winning side positive, however the
  words of the clause lean; in "X is no better than T" both sides lose. In
  "X is a joke compared to T" and "Unlike T, X ..." the clause's tone goes
  to X and its reverse to T.
- A servility word attached to a target ("the US and its lackeys") makes the
  score at most as high as that word alone would score.
- A sentence that names no target but refers back with "they", "it", "he"...
  counts for the target(s) of the sentence before it, in the same paragraph,
  with the pronoun standing where the mention would; so does a verbless
  comment ("Pathetic.", "Good call.") on a lone target.
- An information-seeking question scores 0, a rhetorical one the reverse of
  its words; asides reporting what others say ("whatever the critics say")
  are left out.
- Clauses joined by "but", "while", "whereas"... that name different
  targets set them against each other: a neutral one takes the reverse tone
  of its polar partner, at half weight.

Aggregates (:func:`summarise`) are repost-aware: a cluster of copies is one
voice, and the naive mean with every copy counted is kept beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Literal

from analyzer.model import Article, Post, RepostCluster, Stance, TargetSummary, Thread
from analyzer.parallel import parallel_map
from analyzer.settings import Settings
from analyzer.stance.comparison import COMPARISON_CUES, OUT_STEM, Comparison, find_comparison
from analyzer.stance.cues import cue_before, split_hashtags, with_cue
from analyzer.stance.intervals import forum_voices, target_interval
from analyzer.stance.memo import TextMemo
from analyzer.stance.mentions import joint_targets, masked, mention_offsets, scan_together
from analyzer.stance.mentions import named as named_in
from analyzer.stance.quick import ChunkTest
from analyzer.stance.roles import COLLECTIVE, free_side, scheme, scheming_score
from analyzer.stance.rules import (
    SCORN_HEADS,
    carried,
    has_scorn,
    is_fragment,
    mentioned,
    pronoun,
    scorn_near,
    segments,
    side_of,
    whole,
)
from analyzer.stance.sentiment import analyzer_for, polarity
from analyzer.stance.sides import (
    Evidence,
    all_aliases,
    fold,
    mean,
    post_tone,
    topic_stance,
    with_rivals,
)
from analyzer.stance.speech_acts import (
    ASIDE_OPENERS,
    Mood,
    asserted,
    contrast,
    mood,
    without_asides,
)
from analyzer.text import looks_english, paragraph_sentences, paragraphs

NEUTRAL_BAND = 0.05
"""Scores closer to zero than this are neutral (reports, benchmarks, back-off)."""

COMPARISON_FLOOR = 0.3
"""Least magnitude a comparison gives each side, when its words score weaker."""

FRAGMENT_CARRY: Literal["singular"] = "singular"

SCORN_CEILING = -0.3
"""Highest score a target with a servility word attached can get."""

_NO_CONTEXT: frozenset[str] = frozenset()

_RULE_WORDS = ChunkTest(re.compile("|".join([
    *map(re.escape, COMPARISON_CUES), OUT_STEM.pattern, "against", *map(re.escape, SCORN_HEADS),
    *ASIDE_OPENERS])), lower=True)
"""In a lower-cased ASCII unit, a comparison, a scheme, a scorn word or an aside holds one of
these (:func:`find_comparison`, :func:`scheme`, :func:`has_scorn`, :func:`without_asides`
find nothing else). Masking the unit's mentions as "it" makes no aside opener: only
"despite" holds "it", and a mention never starts or ends inside a word."""

_COMPARISONS: TextMemo[Comparison | None] = TextMemo()
"""Each unit's comparison, per lexicon: units recur (reposts, quoted sentences)."""


def score_unit(unit: str, settings: Settings,
               offsets: dict[str, list[int]] | None = None,
               sentence_mood: Mood = "statement", collective: bool = False) -> dict[str, float]:
    """Score one sentence or clause toward every target it mentions.

    Args:
        unit: The sentence or clause.
        settings: Supplies targets and the domain lexicon.
        offsets: Where each target is mentioned in ``unit``, if already known.
        sentence_mood: Whether the unit's sentence states, asks or asks
            rhetorically (:func:`analyzer.stance.speech_acts.mood`).
        collective: Whether the unit's paragraph speaks of a pair of actors
            without naming the parts of a joint target
            (:data:`analyzer.stance.roles.COLLECTIVE`).

    Returns:
        Target name to score in [-1, 1], for the targets the unit mentions.
    """
    if offsets is None:
        offsets = mention_offsets(unit, settings)
    if not offsets:
        return {}
    comparison: Comparison | None = None
    played: tuple[int, int] | None = None
    scorned = False
    special = not unit.isascii() or _RULE_WORDS.finds(unit)
    if special:
        lexicon = analyzer_for(settings).lexicon
        comparison = _COMPARISONS.lookup(lexicon, unit, find_comparison, lexicon)
        played = scheme(unit)
        scorned = has_scorn(unit)
    names = set(mentioned(unit, settings, comparison, offsets))
    joint = joint_targets(settings)
    if joint:
        offsets = dict(offsets)
    for name, parts in joint:
        if name in names and name not in offsets:
            offsets[name] = sorted(o for part in parts for o in offsets[part])
        elif collective and comparison is not None and name not in names:
            free = free_side({side_of(offsets[n], comparison) for n in names}, comparison)
            if free is not None:
                names.add(name)
                offsets[name] = [free[1]]
    text = masked(unit, settings)
    base = asserted(polarity(without_asides(text) if special else text, settings), sentence_mood)
    scores = {}
    for name in names:
        score = base
        spots = offsets[name]
        if comparison is None and played is None and not scorned:  # the usual clause
            for spot in spots:
                score = with_cue(score, cue_before(unit, spot))
            scores[name] = score
            continue
        if played is not None:
            role = scheming_score(spots, played, base)
            if role is None:
                continue  # only played or played against: the clause judges the player
            score = role
        winner = comparison.winner if comparison is not None else None
        if winner in ("tone-left", "tone-right"):
            # The side whose tone the sentence's own tone agrees with wins.
            toward_left = (winner == "tone-left") == (base > 0)
            winner = None if base == 0 else "left" if toward_left else "right"
        if comparison is not None and winner is not None:
            side = side_of(spots, comparison)
            if side in ("left", "right"):
                magnitude = max(abs(base), abs(polarity(comparison.word, settings)),
                                COMPARISON_FLOOR)
                score = magnitude if side == winner else -magnitude
        for word in scorn_near(unit, spots) if scorned else ():
            score = min(score, polarity(word, settings), SCORN_CEILING)
        for spot in spots:
            score = with_cue(score, cue_before(unit, spot))
        scores[name] = score
    return scores


def score_text(text: str, item_id: str, settings: Settings) -> tuple[Stance, ...]:
    """Return the stance of one text toward each target it speaks of.

    Args:
        text: A post's own words or an article's text.
        item_id: The post or article id, copied into each Stance.
        settings: Supplies targets, rivals, the topic and the domain lexicon.

    Returns:
        One Stance per target the text reaches, in settings order: through a
        mention, through its rivals (:mod:`analyzer.stance.sides`), or, for a
        text that names no target and no rival, through the thread's topic.
        The score is the mean over the evidence units, which are kept in
        ``evidence``. Text that is not English gets no stance: VADER's
        lexicon is English.
    """
    if not settings.targets or not text.strip() or not looks_english(text):
        return ()  # VADER's lexicon is English: "Die Übungen" is not about dying
    scoring = with_rivals(settings)
    text = split_hashtags(text, all_aliases(scoring.targets))
    evidence = _evidence(text, scoring)
    stances = fold(evidence, settings, item_id)
    if not any(evidence.values()):
        topic = topic_stance(text, item_id, settings)
        return () if topic is None else (topic,)
    if len(stances) == 1 and all(abs(score) < NEUTRAL_BAND
                                 for found in evidence.values() for _, score in found):
        # A post about one actor only: when every sentence naming it is
        # neutral ("Russia sent two bombers."), the verdict is in the rest of
        # the post ("Pathetic show. Nobody is scared."), so the tone of its
        # statements (questions aside) is the stance; reversed for a rival.
        tone = post_tone(text, settings)
        if tone is not None:
            sign = -1.0 if stances[0].via == "rival" else 1.0
            return (replace(stances[0], score=sign * tone),)
    return tuple(stances)


def _evidence(text: str, settings: Settings) -> Evidence:
    """Score every unit of ``text`` toward the targets (and rival keys) it names."""
    evidence: Evidence = {t.name: [] for t in settings.targets}
    joint = joint_targets(settings)
    for paragraph in paragraphs(text):
        previous: frozenset[str] = frozenset()
        if joint:
            context = named_in(paragraph, settings)
            collective = bool(COLLECTIVE.search(paragraph)) and not any(
                set(parts) & context for _, parts in joint)
        else:  # only a joint target has words that need context, or a collective use
            context, collective = _NO_CONTEXT, False
        # A paragraph holds no blank line, so its sentences are these.
        sentences = paragraph_sentences(paragraph)
        scan_together(sentences, settings)
        for sentence in sentences:
            offsets = mention_offsets(sentence, settings, context)
            if offsets and whole(sentence):  # the usual sentence: one unit, nothing to contrast
                for name, score in score_unit(sentence, settings, offsets, mood(sentence),
                                              collective).items():
                    evidence[name].append((sentence, score))
                previous = mentioned(sentence, settings, offsets=offsets)
                continue
            units = segments(sentence, settings, context, offsets) if offsets else []
            named = frozenset().union(*(unit.names for unit in units))
            if not named:
                if previous:  # only what the sentence before named can be carried on
                    _carry(sentence, previous, settings, evidence)
                previous = frozenset()
                continue
            sentence_mood = mood(sentence)
            scored = [(unit.text, score_unit(unit.text, settings, unit.offsets,
                                             sentence_mood, collective))
                      for unit in units if unit.names]
            for (unit_text, _), found in zip(scored, contrast(scored), strict=True):
                for name, score in found.items():
                    evidence[name].append((unit_text, score))
            previous = named
    return evidence


def _carry(sentence: str, previous: frozenset[str], settings: Settings,
           evidence: Evidence) -> None:
    """Add ``sentence`` to the evidence of the targets its pronoun or fragment refers back to."""
    number, spot = pronoun(sentence) or (None, 0)
    if number is None and is_fragment(sentence):
        number = FRAGMENT_CARRY
    heirs = carried(previous, number, settings)
    if heirs:  # the pronoun stands where the mention would
        stand_in = {name: [spot] for name in heirs}
        found = score_unit(sentence, settings, stand_in, mood(sentence))
        for name, score in found.items():
            evidence[name].append((sentence, score))


def score_thread(thread: Thread, settings: Settings) -> tuple[Stance, ...]:
    """Score every post of ``thread``, pasted news included.

    Args:
        thread: The parsed thread.
        settings: Supplies targets and the domain lexicon.

    Returns:
        The posts' stances, in thread order. Posts are scored in worker
        processes (``settings.jobs``); the result does not depend on it.
    """
    found = parallel_map(score_post, thread.posts, settings, jobs=settings.jobs,
                         warm=analyzer_for)
    return tuple(s for stances in found for s in stances)


def score_post(settings: Settings, post: Post) -> tuple[Stance, ...]:
    """Return the stances of one post (:func:`score_text`); what workers run."""
    return score_text(post.text, post.id, settings)


def score_articles(articles: Iterable[Article], settings: Settings) -> tuple[Stance, ...]:
    """Score news articles; each Stance's ``post_id`` is the article id.

    Args:
        articles: The news articles.
        settings: Supplies targets and the domain lexicon.

    Returns:
        The articles' stances, in article order.
    """
    return tuple(s for article in articles
                 for s in score_text(article.text, article.id, settings))


def summarise(
    thread: Thread,
    clusters: Sequence[RepostCluster],
    post_stances: Iterable[Stance],
    article_stances: Iterable[Stance],
    articles: Sequence[Article],
    settings: Settings,
) -> tuple[TargetSummary, ...]:
    """Aggregate stance per target: forum (deduplicated and naive) against news.

    Only opinion posts (``kind == "opinion"``) count toward the forum
    figures. ``forum_naive`` averages every post that scored the target;
    ``forum`` first merges each repost cluster into one voice (the mean of
    its copies) and averages the voices. Nothing is rounded.

    Args:
        thread: The thread the stances were scored on.
        clusters: Repost clusters of the thread.
        post_stances: Stances of the thread's posts.
        article_stances: Stances of the articles, keyed by article id.
        articles: The articles, in report order.
        settings: Supplies the targets, in report order.

    Returns:
        One summary per target.
    """
    of_target: dict[str, list[Stance]] = {}  # each target's stances, read in one pass
    for stance in post_stances:
        of_target.setdefault(stance.target, []).append(stance)
    news_scores = {(s.post_id, s.target): s.score for s in article_stances}
    opinion: list[Post] = [p for p in thread.posts if p.kind == "opinion"]
    summaries = []
    for target in settings.targets:
        found = of_target.get(target.name, [])
        scores = {s.post_id: s.score for s in found}
        posts = [scores[p.id] for p in opinion if p.id in scores]
        voices = forum_voices(thread, clusters, found, target.name)
        summaries.append(TargetSummary(
            target=target.name,
            forum=mean(voices) if voices else None,
            forum_naive=mean(posts) if posts else None,
            news=tuple((a.id, news_scores.get((a.id, target.name))) for a in articles),
            forum_voices=len(voices),
            forum_posts=len(posts),
            forum_interval=target_interval(voices, target.name, settings),
        ))
    return tuple(summaries)
