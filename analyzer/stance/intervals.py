"""Intervals for the forum's deduplicated stance toward each target.

The forum figure (:func:`analyzer.stance.score.summarise`) is a mean over
*voices*: each opinion post that scores a target is one voice, except that
the copies of a repost cluster together make a single voice (the mean of the
copies). A comment posted ten times still counts once.

Threads have few voices per target (often three to ten), so the interval is
the Student t interval of the voices' mean (:func:`t_interval`): mean ± the
t quantile with n − 1 degrees of freedom times the standard error. It is
exact for independent, normally distributed voices and close for moderate
departures, and, unlike the percentile bootstrap, it widens honestly for
few voices: three voices allow only ten distinct bootstrap resamples, whose
spread understates the uncertainty of the mean (with n = 3 the bootstrap
interval is some 2–3 times narrower than the t interval). With fewer than
:data:`MIN_VOICES` voices there is no interval: with two the 90% t quantile
is 6.3 standard errors, an interval that says nothing, and a report says
"too few voices" instead.

The percentile bootstrap (:func:`bootstrap`) is kept for comparison in
``benchmarks/intervals.py`` only.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.model import IntervalMethod, RepostCluster, Stance, Thread, cluster_of
from analyzer.settings import Settings

METHOD = IntervalMethod()
"""The interval method, as stored in every :class:`~analyzer.model.Analysis`."""
LEVEL = METHOD.level
"""Nominal coverage of each interval."""
MIN_VOICES = METHOD.min_voices
"""Fewest voices an interval is given for."""
RESAMPLES = 1000
"""How many resamples :func:`bootstrap` draws by default."""


@dataclass(frozen=True)
class Interval:
    """A t interval for one target's forum stance.

    Attributes:
        target: The target's name.
        low: Lower end, in [-1, 1].
        high: Upper end, in [-1, 1].
        voices: How many voices the interval rests on.
    """

    target: str
    low: float
    high: float
    voices: int


def forum_voices(thread: Thread, clusters: Sequence[RepostCluster],
                 stances: Iterable[Stance], target: str) -> tuple[float, ...]:
    """Return the forum's voices toward ``target``: one score per post or repost cluster.

    Args:
        thread: The thread, with pasted news marked (news posts are left out).
        clusters: Repost clusters; the copies of one make one voice, their mean.
        stances: Per-post stances.
        target: The target's name.

    Returns:
        The voices' scores, in order of each voice's first post.
    """
    scores = {s.post_id: s.score for s in stances if s.target == target}
    voice_of = cluster_of(clusters)
    voices: dict[tuple[str, str], list[float]] = {}
    for post in thread.posts:
        if post.kind == "opinion" and post.id in scores:
            cluster = voice_of.get(post.id)
            key = ("cluster", str(cluster)) if cluster is not None else ("post", post.id)
            voices.setdefault(key, []).append(scores[post.id])
    return tuple(math.fsum(v) / len(v) for v in voices.values())


def t_interval(values: Sequence[float], level: float = LEVEL,
               min_voices: int = MIN_VOICES) -> tuple[float, float] | None:
    """Student t interval of the mean of ``values``, clipped to [-1, 1].

    Args:
        values: One score per voice, each in [-1, 1].
        level: Nominal coverage.
        min_voices: Fewest values that get an interval (at least 2).

    Returns:
        ``(low, high)``, or None for fewer than ``min_voices`` values.
    """
    from scipy.special import stdtrit  # loaded when needed

    n = len(values)
    if n < max(min_voices, 2):
        return None
    mean = math.fsum(values) / n
    variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    half = float(stdtrit(n - 1, 0.5 + level / 2.0)) * math.sqrt(variance / n)
    return max(-1.0, mean - half), min(1.0, mean + half)


def bootstrap(values: Sequence[float], seed: int | Sequence[int], level: float = LEVEL,
              resamples: int = RESAMPLES) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the mean of ``values``, for comparison only.

    Too narrow for few values (see the module docstring); the report uses
    :func:`t_interval`.

    Args:
        values: The sample.
        seed: Seed of numpy's random generator.
        level: Share of the resampled means inside the interval.
        resamples: Number of resamples.

    Returns:
        ``(low, high)``, or None for fewer than two values.
    """
    if len(values) < 2:
        return None
    sample = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(sample), size=(resamples, len(sample)))
    means = sample[picks].mean(axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return float(low), float(high)


def bootstrap_seed(target: str, settings: Settings) -> tuple[int, int]:
    """The seed :func:`bootstrap` is given for one target: the settings' seed and the name."""
    return settings.seed % 2**64, zlib.crc32(target.encode("utf-8"))


def forum_intervals(thread: Thread, clusters: Sequence[RepostCluster],
                    stances: Sequence[Stance], settings: Settings,
                    level: float = LEVEL) -> tuple[Interval, ...]:
    """The t interval of the forum's deduplicated stance, per target.

    Args:
        thread: The thread, with pasted news marked.
        clusters: Repost clusters of the thread.
        stances: Per-post stances.
        settings: Supplies the targets.
        level: Nominal coverage of each interval.

    Returns:
        One interval per target with at least :data:`MIN_VOICES` voices, in
        settings order.
    """
    intervals = []
    for target in settings.targets:
        voices = forum_voices(thread, clusters, stances, target.name)
        found = t_interval(voices, level)
        if found is not None:
            intervals.append(Interval(target.name, found[0], found[1], len(voices)))
    return tuple(intervals)


def target_interval(voices: Sequence[float], target: str, settings: Settings,
                    level: float = LEVEL) -> tuple[float, float] | None:
    """The interval of one target's voices (:func:`t_interval`).

    ``target`` and ``settings`` name whose interval it is; the t interval
    draws nothing at random, so neither changes it.

    Returns:
        ``(low, high)``, or None for fewer than :data:`MIN_VOICES` voices.
    """
    del target, settings
    return t_interval(voices, level)
