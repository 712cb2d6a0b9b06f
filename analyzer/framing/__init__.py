"""Framing: how forum opinion and the news frame the same event.

- :mod:`analyzer.framing.frames`: frame hits and shares, gathered with the
  rest by :func:`compare`.
- :mod:`analyzer.framing.claims`: news claims echoed or contested by the
  forum, matched by actor and predicate.
- :mod:`analyzer.framing.reader`: a sentence's actors, stems and predicate,
  for claim matching.
- :mod:`analyzer.framing.dates`: how far the news dates lie from the thread's.
- :mod:`analyzer.framing.terms`: distinctive terms by log-odds with an
  informative Dirichlet prior.
"""

from analyzer.framing.claims import match_claims
from analyzer.framing.dates import date_gap
from analyzer.framing.frames import compare, frame_hits, frame_shares, opinion_voices

__all__ = ["compare", "date_gap", "frame_hits", "frame_shares", "match_claims",
           "opinion_voices"]
