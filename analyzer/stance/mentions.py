"""Mentions: where a piece of text names each target.

- Every target's aliases are matched as whole words
  (:func:`analyzer.text.compile_terms`).
- **Longest match wins across targets**: where mentions of different targets
  overlap, only the longest counts, so the partnership alias "Russia-China"
  is not also a mention of Russia.
- **Generic words of a joint target**: a target with ``co_mention`` (the
  Russia–China partnership) may have aliases written all in lower case
  ("alliance", "cooperation", "both countries"). Such a word names the target
  only where it could mean it: its context (the paragraph) names every
  co_mention part, directly or through an alias in capitals ("Sino-Russian"),
  or names no other target (a thread's own topic often goes unnamed); and
  the word is not owned by some other actor ("US alliance", "NATO alliance",
  "the Triple Alliance", "American cooperation"). An alias with a capital
  letter is always a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from analyzer.settings import Settings, Target
from analyzer.stance.memo import TextMemo, by_identity
from analyzer.text import compile_terms

_NO_MATCH = re.compile(r"(?!x)x")
_OWNER = re.compile(r"([\w][\w'’.\-]*)\s+$")


@dataclass(frozen=True)
class Matcher:
    """Compiled aliases of one target.

    Attributes:
        name: The target's name.
        strong: Pattern of the aliases that always name the target.
        generic: Pattern of the lower-case aliases of a joint target, which
            name it only in context; never matches for other targets.
        starts: A fast pattern finding every place a match can start.
        parts: The co_mention targets (empty for an ordinary target).
        heads: The first words of the aliases, which ``starts`` finds.
    """

    name: str
    strong: re.Pattern[str]
    generic: re.Pattern[str]
    starts: re.Pattern[str]
    parts: tuple[str, ...]
    heads: tuple[str, ...] = ()


def _heads(aliases: Iterable[str]) -> list[str]:
    """The first word of each alias, longest first."""
    return sorted({alias.rstrip("*").split()[0] for alias in aliases}, key=len, reverse=True)


def _starts(aliases: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching where any alias may start: its first word, any case.

    The alias patterns test case and word ends alternative by alternative,
    which makes scanning with them several times slower; they are only run
    where this one finds a candidate.
    """
    heads = _heads(aliases)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(h) for h in heads) + ")",
                      re.IGNORECASE)


def is_generic(alias: str, target: Target) -> bool:
    """Return True if ``alias`` is a common word that names ``target`` only in context."""
    return bool(target.co_mention) and alias == alias.lower()


@by_identity
@lru_cache(maxsize=16)
def compiled(targets: tuple[Target, ...]) -> tuple[Matcher, ...]:
    """Compile each target's aliases once per target set."""
    found = []
    for t in targets:
        generic = [a for a in t.aliases if is_generic(a, t)]
        strong = [a for a in t.aliases if not is_generic(a, t)]
        found.append(Matcher(
            name=t.name,
            strong=compile_terms(strong) if strong else _NO_MATCH,
            generic=compile_terms(generic) if generic else _NO_MATCH,
            starts=_starts(t.aliases),
            parts=t.co_mention,
            heads=tuple(_heads(t.aliases)),
        ))
    return tuple(found)


_LOOKBEHIND = r"(?<![\w\-])"


@by_identity
def _any_start(matchers: tuple[Matcher, ...]) -> re.Pattern[str]:
    """Zero-width pattern at every place where some matcher's ``starts`` matches.

    Its matches may overlap (it consumes nothing), so no place is missed.
    """
    heads = [m.starts.pattern.removeprefix(_LOOKBEHIND) for m in matchers]
    return re.compile(_LOOKBEHIND + "(?=" + "|".join(heads) + ")", re.IGNORECASE)


@by_identity
def _ascii_scan(matchers: tuple[Matcher, ...]) -> tuple[
        re.Pattern[str], dict[str, tuple[int, ...]]] | None:
    """One pattern for every matcher's first words, for lower-case ASCII text.

    Returns the pattern, which matches (with the ``starts`` look-behind)
    the one first word found at a place, and for each first word it can
    match the indexes of the matchers whose ``starts`` match there; or None
    if a first word is not ASCII.
    """
    heads = {head for m in matchers for head in m.heads}
    if not all(head.isascii() for head in heads):
        return None
    lowered = {head.lower() for head in heads}
    # A head with a shorter head at its start is found where that one is; so
    # no two of the rest match at one place, and the one that does tells
    # which matchers have a first word there (every one that starts with it).
    least = sorted(h for h in lowered
                   if not any(h != other and h.startswith(other) for other in lowered))
    owners = {h: tuple(k for k, m in enumerate(matchers)
                       if any(head.lower().startswith(h) for head in m.heads)) for h in least}
    # The character before stands in for the look-behind (the text gets a space in
    # front): with an explicit set of characters to begin with, and the words grouped
    # by first letter, the regular expression engine skips ahead several times faster.
    pattern = re.compile(r"[\x00-\x2c./:-@\[-^`{-\x7f](" + _tree(least) + ")")
    return pattern, owners


def _tree(words: list[str]) -> str:
    """A pattern matching exactly ``words`` (none a prefix of another), by first letter."""
    first: dict[str, list[str]] = {}
    for word in words:
        first.setdefault(word[:1], []).append(re.escape(word[1:]))
    branches = [re.escape(c) + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0])
                for c, rest in first.items()]
    return "(?:" + "|".join(branches) + ")"


def _places(text: str, matchers: tuple[Matcher, ...]) -> list[list[int]]:
    """For each matcher, every place where its ``starts`` may match, in order.

    ASCII text is lower-cased and searched with one pattern of every first
    word (in ASCII, lower case is exactly what the patterns' ignoring of
    case compares), and each place goes only to the matchers with a first
    word there; other text is searched with one zero-width pattern and
    every place goes to every matcher.
    """
    scan = _ascii_scan(matchers)
    if scan is None or not text.isascii():
        found = [hit.start() for hit in _any_start(matchers).finditer(text)]
        return [found] * len(matchers) if found else []
    pattern, owners = scan
    lowered = " " + text.lower()  # the pattern's first character is the one before a place
    hit = pattern.search(lowered)
    if hit is None:
        return []
    places: list[list[int]] = [[] for _ in matchers]
    while hit is not None:
        at = hit.start()  # the place, in ``text``
        for k in owners[hit.group(1)]:
            places[k].append(at)
        hit = pattern.search(lowered, at + 1)  # places may overlap: "e.u.s." holds "u.s."
    return places


def _spans(text: str, matchers: tuple[Matcher, ...]) -> list[tuple[int, int, str, bool]]:
    """Every alias match: (start, end, target, generic), overlaps across targets kept.

    For each matcher this walks the places its ``starts`` pattern would find,
    as ``finditer`` would (skipping places inside its previous find), but
    tries only the places one scan for every matcher's starts found.
    """
    places = _places(text, matchers)
    if not places:
        return []
    spans = []
    for m, mine in zip(matchers, places, strict=True):
        if not mine:
            continue
        reach = 0
        head_end = 0
        for place in mine:
            if place < head_end:
                continue
            candidate = m.starts.match(text, place)
            if candidate is None:
                continue
            head_end = candidate.end()
            if place < reach:
                continue
            match = m.strong.match(text, place)
            generic = match is None
            if generic:
                match = m.generic.match(text, place)
            if match:
                spans.append((match.start(), match.end(), m.name, generic))
                reach = match.end()
    return spans


def _longest(spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Drop every match that overlaps a longer one (earlier wins a tie)."""
    if len(spans) < 2:
        return list(spans)
    kept: list[tuple[int, int, str, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


Span = tuple[int, int, str, bool]

_FOUND: TextMemo[list[Span]] = TextMemo()


def _found(text: str, matchers: tuple[Matcher, ...]) -> list[Span]:
    """``_longest(_spans(text, matchers))``, worked out once per text (do not modify it).

    The same sentence is read for its mentions and masked for scoring, and
    reposts repeat whole paragraphs.
    """
    return _FOUND.lookup(matchers, text, _found_now, matchers)


def _found_now(text: str, matchers: tuple[Matcher, ...]) -> list[Span]:
    return _longest(_spans(text, matchers))


def scan_together(sentences: Sequence[str], settings: Settings) -> None:
    """Find the mentions of a paragraph's sentences in one scan, for later calls to use.

    The sentences are joined with spaces and scanned once; each sentence's
    matches are the joined text's matches that lie inside it (a space, like
    the start or end of a text, lets a match begin or end). If some match
    runs from one sentence into the next, nothing is kept and each sentence
    will be scanned alone. :func:`mention_offsets`, :func:`named` and
    :func:`masked` then find each sentence's matches in memory.
    """
    matchers = compiled(settings.targets)
    if len(sentences) < 2 or _FOUND.knows(matchers, sentences):
        return
    ends = list(accumulate(len(sentence) + 1 for sentence in sentences))
    found: list[list[Span]] = [[] for _ in sentences]
    for start, end, name, generic in _spans(" ".join(sentences), matchers):
        k = bisect_right(ends, start)  # ends[k] - 1 is where the sentence holding start ends
        first = ends[k] - 1 - len(sentences[k])
        if end >= ends[k]:
            return  # a match from one sentence into the next
        found[k].append((start - first, end - first, name, generic))
    for sentence, spans in zip(sentences, found, strict=True):
        _FOUND.remember(matchers, sentence, _longest(spans))


def named(text: str, settings: Settings) -> frozenset[str]:
    """Return the targets ``text`` names by aliases that need no context.

    A joint target named so (“Sino-Russian”) counts as naming its parts too;
    this is the context generic words (:func:`mention_offsets`) are read in.
    """
    matchers = compiled(settings.targets)
    names = {name for _, _, name, generic in _found(text, matchers) if not generic}
    for m in matchers:
        if m.name in names:
            names.update(m.parts)
    return frozenset(names)


def _owned(text: str, start: int, own: set[str], matchers: tuple[Matcher, ...],
           spans: list[tuple[int, int, str, bool]]) -> bool:
    """Return True if the word before ``start`` names an actor other than ``own``.

    "US alliance", "NATO's alliance", "the Triple Alliance": a mention of
    another target, or a capitalised word that does not open the text.
    """
    before = _OWNER.search(text, 0, start)
    if before is None:
        return False
    for a, b, name, _ in spans:
        if a <= before.start() < b:
            return name not in own
    word = re.sub(r"['’]s$", "", before.group(1))
    if not word[0].isupper():
        return False
    opens = not text[:before.start()].strip(" \"'“‘([")
    return not opens or (word.isupper() and len(word) > 1)


def _fits(context: frozenset[str], name: str, parts: tuple[str, ...]) -> bool:
    """Can a generic word of ``name`` mean it, given the targets named around it?

    Yes if the context names all its parts, or names no other target at all
    (a thread's own topic goes unnamed: "the alliance is real"); no if it
    names some other actor and not all the parts ("Japan and the US signed;
    the alliance...").
    """
    own = {name, *parts}
    return set(parts) <= context or not context - own


def mention_offsets(text: str, settings: Settings,
                    context: frozenset[str] | None = None) -> dict[str, list[int]]:
    """Return the start offset of every alias mention, per target named in ``text``.

    Args:
        text: A sentence or clause.
        settings: Supplies the targets.
        context: The targets the surrounding paragraph names (:func:`named`);
            generic words of a joint target count only if it names all the
            target's parts or no other target. Defaults to what ``text``
            itself names.

    Returns:
        Target name to the offsets of its mentions, in order.
    """
    matchers = compiled(settings.targets)
    spans = _found(text, matchers)
    if not spans:
        return {}
    if joint_targets(settings) and any(span[3] for span in spans):  # generic words: joint only
        if context is None:
            context = named(text, settings)
        parts = {m.name: m.parts for m in matchers}
        spans = [s for s in spans if not s[3] or (
            _fits(context, s[2], parts[s[2]])
            and not _owned(text, s[0], {s[2], *parts[s[2]]}, matchers, spans))]
    found: dict[str, list[int]] = {}
    for start, _, name, _ in spans:
        found.setdefault(name, []).append(start)
    return found


@by_identity
def joint_targets(settings: Settings) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return each co_mention target with the targets whose joint mention names it."""
    return tuple((m.name, m.parts) for m in compiled(settings.targets) if m.parts)


def masked(text: str, settings: Settings) -> str:
    """Return ``text`` with every alias match written as "it".

    The words that name a target are not a judgement of it: "assault weapons
    ban", "gun control" or "cooperation" must not lend a clause their
    VADER valence. Every target's (and rival's) aliases are masked before
    the clause is scored.
    """
    spans = _found(text, compiled(settings.targets))
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end, _, _ in spans:
        parts.extend((text[last:start], "it"))
        last = end
    parts.append(text[last:])
    return "".join(parts)
