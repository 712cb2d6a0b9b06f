"""Targets that fit the thread: the actors its posts discuss, and its topic.

With no preset or config naming targets (:func:`resolve_targets`), the
targets are found in the thread itself:

- **Candidates** are proper-noun phrases: runs of capitalised words not
  opening a sentence ("Hillary Clinton", "New Zealand"), and acronyms
  ("NATO"), that the thread never writes in lower case ("Great" in "Great
  news" opens a sentence; "Apple" written "apple" elsewhere is a word).
  Speakers' own names are left out: addressing someone is not discussing
  them.
- **Variants are grouped**: a country's name, short forms, capital and
  people (US, USA, U.S., America, Americans, Washington) through a general
  table (``analyzer/data/demonyms.toml``); a name that is a word of a longer
  one ("Clinton" in "Hillary Clinton") joins it.
- **Several voices**: an actor counts only when at least ``MIN_VOICES``
  distinct speakers (authors; a post with no author counts as its own
  speaker, and the copies of a repost cluster as one) and ``MIN_SHARE`` of
  the opinion posts name it, so a thread on another subject shows no
  stance toward an actor it mentions in passing.
  An actor the thread's title names, even by an adjective ("Russian
  bombers"), needs only ``TITLE_VOICES`` speakers naming it.
  Adjectives ("American cheese") never make an actor; once one exists they
  are its aliases too. At most ``MAX_TARGETS`` actors, most voices first.

Whatever set the targets, a thread with no topic takes as its topic the one
target its title names, if it names exactly one (a joint target named
through all its parts counts as that one).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from analyzer.model import RepostCluster, Thread, cluster_of
from analyzer.parallel import parallel_map
from analyzer.settings import Settings, Target
from analyzer.stance.mentions import named
from analyzer.text import sentences

MIN_VOICES = 3
"""Fewest distinct speakers who must name an actor for it to be a target."""

MIN_SHARE = 0.1
"""Least share of the thread's opinion posts that must name an actor."""

TITLE_VOICES = 2
"""Fewest speakers who must name an actor the thread's title names."""

MAX_TARGETS = 8
"""Most actors measured; those named by the most speakers are kept."""

_CAPITALISED = re.compile(
    r"(?<![\w'’@#])(?:[A-Z][\w'’.\-]*[\w]|[A-Z])(?:\s+(?:of\s+the\s+|of\s+|the\s+|de\s+)?"
    r"[A-Z][\w'’.\-]*[\w])*")
_POSSESSIVE = re.compile(r"['’]s$")
_LOWER = re.compile(r"(?<![\w'’])[a-z][\w'’-]*")
_TRIVIAL = frozenset(
    "i i'm i've i'd i'll a an the this that these those it its he she they we you my our "
    "your his her their mr mrs ms dr st ok okay lol lmao imo imho tbh edit update ps op "
    "yes no yeah nope thanks thank please sorry hi hello hey dear so and but or if then "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split())


@dataclass(frozen=True)
class Place:
    """A country or bloc of the demonym table."""

    key: str
    label: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """The demonym table, read once."""
    text = resources.files("analyzer.data").joinpath("demonyms.toml").read_text("utf-8")
    return tuple(Place(key, spec["label"], tuple(spec["names"]), tuple(spec["adjectives"]))
                 for key, spec in tomllib.loads(text).items())


@lru_cache(maxsize=1)
def _place_index() -> dict[str, str]:
    """Lower-cased name or adjective of a place to the place's key."""
    return {name.lower(): p.key for p in places() for name in p.names + p.adjectives}


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """Lower-cased demonym adjectives ("american"), which alone make no actor."""
    return frozenset(a.lower() for p in places() for a in p.adjectives)


_LEAD = re.compile(r"[ \"'“‘(\[*-]*")
"""What may come before a sentence's opening word: spaces, quotes, brackets, bullets."""

_Candidate = tuple[str, bool]
_Memo = dict[tuple[str, bool], "_Candidate | None"]


def _candidates(text: str, lower_words: frozenset[str],
                memo: _Memo | None = None) -> list[_Candidate]:
    """Proper-noun phrases of ``text``, each with whether it is a lone opening word.

    ``memo`` keeps each matched phrase's reading (it depends only on the
    phrase, whether it opens its sentence, and ``lower_words``), so that a
    name met again costs a lookup; pass the same dict only with the same
    ``lower_words``.
    """
    memo = {} if memo is None else memo
    found = []
    for sentence in sentences(text):
        lead = _LEAD.match(sentence).end()  # type: ignore[union-attr]  # matches ""
        for match in _CAPITALISED.finditer(sentence):
            key = (match.group(), match.start() <= lead)
            try:
                got = memo[key]
            except KeyError:
                got = memo[key] = _candidate(*key, lower_words)
            if got is not None:
                found.append(got)
    return found


def _candidate(matched: str, opening: bool, lower_words: frozenset[str]) -> _Candidate | None:
    """Read one capitalised run: the phrase it names and whether it is a lone opener, or None."""
    phrase = _POSSESSIVE.sub("", matched.rstrip(".'’"))
    words = phrase.split()
    if opening:
        while words and (words[0].lower() in _TRIVIAL or words[0].lower() in lower_words):
            words = words[1:]
    lone = opening and len(words) == 1 and phrase.split()[0] == words[0] \
        and words[0].lower() not in _place_index()
    words = [w for w in words if w.lower() not in _TRIVIAL]
    if _shouted(words):
        return None
    if words and not all(w.lower() in lower_words for w in words):
        return " ".join(words), lone
    return None


def _post_candidates(lower_words: frozenset[str], text: str) -> list[_Candidate]:
    """:func:`_candidates` with its arguments in :func:`parallel_map`'s order."""
    return _candidates(text, lower_words, _worker_memo(lower_words))


@lru_cache(maxsize=1)
def _worker_memo(lower_words: frozenset[str]) -> _Memo:
    """One memo per process for one thread's ``lower_words``."""
    del lower_words  # the cache key
    return {}


def _shouted(words: list[str]) -> bool:
    """Return True for words in capitals that are shouting, not an acronym or a place.

    "THIS IS A DISGRACE" is shouting; "NATO" and "PRC" (five letters or
    fewer, alone) are acronyms.
    """
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters or not all(w.isupper() for w in letters):
        return False
    if " ".join(words).lower() in _place_index():
        return False
    return len(letters) > 1 or len(letters[0]) > 5


def _lower_words(thread: Thread) -> frozenset[str]:
    """Words the thread writes in lower case somewhere (common words, not names)."""
    # One search over the joined texts finds the same words: no word runs
    # across the line break between two posts.
    return frozenset(_LOWER.findall("\n".join(p.text for p in thread.posts)))


def _group(phrase: str, multi: dict[str, str]) -> tuple[str, str]:
    """Return (group key, label) for a candidate phrase."""
    index = _place_index()
    if phrase.lower() in index:
        key = index[phrase.lower()]
        return key, next(p.label for p in places() if p.key == key)
    if phrase.lower() in multi:
        full = multi[phrase.lower()]
        return _key(full), full
    return _key(phrase), phrase


def _key(label: str) -> str:
    return "_".join(re.findall(r"\w+", label.lower()))


def post_names(thread: Thread) -> tuple[list[tuple[str, bool]], ...]:
    """Return the proper-noun candidates of every post of ``thread``, in this process.

    What :func:`find_actors` reads from each post, for all posts (news ones
    too): it depends only on the posts' texts, so it can be read before
    pasted news is marked or reposts are found, and handed to
    :func:`find_actors` or :func:`resolve_targets` as ``names``.
    """
    lower = _lower_words(thread)
    memo: _Memo = {}
    return tuple(_candidates(p.text, lower, memo) for p in thread.posts)


def find_actors(thread: Thread, clusters: Sequence[RepostCluster] = (),
                jobs: int | None = 1,
                names: Sequence[Sequence[tuple[str, bool]]] | None = None) -> tuple[Target, ...]:
    """Return the actors several speakers of ``thread`` name, most voices first.

    Args:
        thread: The parsed thread; only opinion posts count.
        clusters: Its repost clusters: the copies of one are one speaker.
        jobs: Worker processes for reading the posts' proper nouns
            (:func:`analyzer.parallel.parallel_map`); the result does not
            depend on it.
        names: :func:`post_names` of ``thread`` (the same texts), if already
            read; read here if None.

    Returns:
        One Target per actor that passes ``MIN_VOICES`` and ``MIN_SHARE``,
        at most ``MAX_TARGETS``.
    """
    opinion = [p for p in thread.posts if p.kind == "opinion"]
    if not opinion:
        return ()
    speakers = {p.author.lower() for p in opinion if p.author}
    copies = cluster_of(clusters)
    if names is None:
        found_in: Sequence[Sequence[tuple[str, bool]]] = parallel_map(
            _post_candidates, [p.text for p in opinion], _lower_words(thread), jobs=jobs)
    else:
        found_in = [found for p, found in zip(thread.posts, names, strict=True)
                    if p.kind == "opinion"]
    raw = [(f"cluster {copies[p.id]}" if p.id in copies else p.author or f"post {p.id}",
            [c for c in found if c[0].lower() not in speakers])
           for p, found in zip(opinion, found_in, strict=True)]
    # A lone capitalised word opening a sentence may be any word ("Great news"):
    # it counts only if the thread also writes it capitalised mid-sentence.
    inside = {phrase for _, found in raw for phrase, lone in found if not lone}
    per_post = [(speaker, [phrase for phrase, lone in found if not lone or phrase in inside])
                for speaker, found in raw]
    phrases = {c for _, found in per_post for c in found}
    multi: dict[str, str] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        parts = phrase.split()
        if len(parts) > 1 and phrase.lower() not in _place_index():
            for part in parts:
                if part in phrases and part.lower() not in _place_index():
                    multi.setdefault(part.lower(), phrase)
    voices: dict[str, set[str]] = defaultdict(set)  # speakers naming it
    any_voices: dict[str, set[str]] = defaultdict(set)  # adjectives included
    posts: dict[str, int] = defaultdict(int)
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    grouped = {phrase: _group(phrase, multi) for phrase in phrases}
    adjectives = _adjectives()
    for speaker, found in per_post:
        keys, named_keys = set(), set()
        for phrase in found:
            key, label = grouped[phrase]
            labels.setdefault(key, label)
            aliases[key].add(phrase)
            keys.add(key)
            if phrase.lower() not in adjectives:
                named_keys.add(key)
        for key in keys:
            any_voices[key].add(speaker.lower())
        for key in named_keys:
            voices[key].add(speaker.lower())
            posts[key] += 1
    floor = max(MIN_VOICES, MIN_SHARE * len(opinion))
    titled = {_group(phrase, multi)[0]
              for phrase, _ in _candidates(thread.title or "", frozenset())}

    def discussed(key: str) -> bool:
        if key in titled:
            return len(voices[key]) >= TITLE_VOICES
        return len(voices[key]) >= MIN_VOICES and posts[key] >= floor

    chosen = sorted((k for k in any_voices if discussed(k)),
                    key=lambda k: (-len(any_voices[k]), -posts[k], k))[:MAX_TARGETS]
    table = {p.key: p for p in places()}
    targets = []
    for key in chosen:
        words = set(aliases[key])
        if key in table:
            words |= set(table[key].names) | set(table[key].adjectives)
        targets.append(Target(name=key, label=labels[key], aliases=tuple(sorted(words))))
    return tuple(targets)


def finds_actors(settings: Settings) -> bool:
    """Whether :func:`resolve_targets` reads the thread's actors with ``settings``."""
    return not settings.targets or settings.targets_from == "--topic"


def resolve_targets(thread: Thread, settings: Settings,
                    clusters: Sequence[RepostCluster] = (),
                    names: Sequence[Sequence[tuple[str, bool]]] | None = None) -> Settings:
    """Return ``settings`` with targets fitting ``thread`` and its topic.

    Targets a preset or config set are kept; with none, the thread's own
    actors (:func:`find_actors`) become the targets, joined by a ``--topic``
    target (which becomes the actor of that name, if one is found). With no
    topic set, the one target the title names becomes the topic. ``names``
    are the posts' :func:`post_names`, if already read.
    """
    if not settings.targets:
        settings = replace(settings, targets=find_actors(thread, clusters, settings.jobs, names),
                           targets_from="found in the thread")
    elif settings.targets_from == "--topic":  # only the topic was named: find the rest
        settings = _with_actors(settings, find_actors(thread, clusters, settings.jobs, names))
    if settings.topic is None and thread.title and settings.targets:
        title = thread.title
        if settings.targets_from == "found in the thread":  # "American football" is no topic
            title = " ".join(w for w in title.split()
                             if w.strip(".,:;!?\"'()").lower() not in _adjectives())
        topic = title_topic(title, settings)
        if topic is not None:
            settings = replace(settings, topic=topic, topic_from="the thread title")
    return settings


def _with_actors(settings: Settings, actors: tuple[Target, ...]) -> Settings:
    """Add the thread's actors to a lone ``--topic`` target, merging the same actor."""
    (made,) = settings.targets
    for actor in actors:
        if named(made.label, replace(settings, targets=(actor,))):
            return replace(settings, targets=actors, topic=actor.name,
                           targets_from="found in the thread")
    return replace(settings, targets=(made, *actors),
                   targets_from="--topic and found in the thread")


def title_topic(title: str, settings: Settings) -> str | None:
    """Return the one target ``title`` names (a joint one through its parts), or None."""
    names = set(named(title, settings))
    for target in settings.targets:
        if target.co_mention and set(target.co_mention) <= names:
            names = (names - set(target.co_mention)) | {target.name}
    return names.pop() if len(names) == 1 else None
