"""Framing: how forum opinion and the news frame the same event.

- :mod:`analyzer.framing.frames`: frame shares and news claims echoed or
  contested by the forum, gathered by :func:`compare`.
- :mod:`analyzer.framing.terms`: distinctive terms by log-odds with an
  informative Dirichlet prior.
"""

from analyzer.framing.frames import compare, frame_shares, match_claims, opinion_voices

__all__ = ["compare", "frame_shares", "match_claims", "opinion_voices"]
