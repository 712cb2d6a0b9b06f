"""Bootstrap intervals for the forum's deduplicated stance toward each target.

The forum figure (:func:`analyzer.stance.score.summarise`) is a mean over
*voices*: each opinion post that scores a target is one voice, except that
the copies of a repost cluster together make a single voice (the mean of the
copies). The interval here resamples those voices with replacement, so a
comment posted ten times still counts once, and reads the central share of
the resampled means (percentile bootstrap).

The random generator is numpy's ``Generator`` seeded from ``settings.seed``
and the target's name, so reruns give the same interval and a target's
interval does not depend on which other targets are configured.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.model import IntervalMethod, RepostCluster, Stance, Thread, cluster_of
from analyzer.settings import Settings

LEVEL = 0.9
"""Share of the resampled means the interval holds."""
RESAMPLES = 1000
"""How many bootstrap resamples each interval is read from."""


def interval_method(settings: Settings) -> IntervalMethod:
    """What :func:`forum_intervals` does, for the report's method section and the JSON."""
    return IntervalMethod(name="percentile bootstrap", level=LEVEL, resamples=RESAMPLES,
                          seed=settings.seed, min_voices=2)


@dataclass(frozen=True)
class Interval:
    """A bootstrap interval for one target's forum stance.

    Attributes:
        target: The target's name.
        low: Lower end, in [-1, 1].
        high: Upper end, in [-1, 1].
        voices: How many voices were resampled.
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


def bootstrap(values: Sequence[float], seed: int | Sequence[int], level: float = LEVEL,
              resamples: int = RESAMPLES) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the mean of ``values``.

    Args:
        values: The sample.
        seed: Seed of numpy's random generator.
        level: Share of the resampled means inside the interval.
        resamples: Number of resamples.

    Returns:
        ``(low, high)``, or None for fewer than two values, where resampling
        says nothing about spread.
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


def forum_intervals(thread: Thread, clusters: Sequence[RepostCluster],
                    stances: Sequence[Stance], settings: Settings,
                    level: float = LEVEL, resamples: int = RESAMPLES) -> tuple[Interval, ...]:
    """Bootstrap interval of the forum's deduplicated stance, per target.

    Args:
        thread: The thread, with pasted news marked.
        clusters: Repost clusters of the thread.
        stances: Per-post stances.
        settings: Supplies the targets and the seed.
        level: Share of the resampled means inside each interval.
        resamples: Resamples per target.

    Returns:
        One interval per target with at least two voices, in settings order.
    """
    intervals = []
    for target in settings.targets:
        voices = forum_voices(thread, clusters, stances, target.name)
        found = target_interval(voices, target.name, settings, level, resamples)
        if found is not None:
            intervals.append(Interval(target.name, found[0], found[1], len(voices)))
    return tuple(intervals)


def target_interval(voices: Sequence[float], target: str, settings: Settings,
                    level: float = LEVEL, resamples: int = RESAMPLES) -> tuple[float, float] | None:
    """The bootstrap interval of one target's voices, seeded from the settings and the target.

    Returns:
        ``(low, high)``, or None for fewer than two voices.
    """
    seed = (settings.seed % 2**64, zlib.crc32(target.encode("utf-8")))
    return bootstrap(voices, seed, level, resamples)
