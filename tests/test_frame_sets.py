"""The shipped frame sets: a published scheme by default, geopolitics as a preset, none fitted.

A frame term fitted to the sample thread would make the forum look as if it
used a frame the news does not. So every term must have been chosen without
looking at the sample: no term is a phrase of the sample's reposted comment,
and every term the sample's forum posts use is also found in independent
text (VADER's rated New York Times editorial snippets and tweets) or in the
sample's news, never in the forum posts alone.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pytest

from analyzer.pipeline import analyse_paths
from analyzer.settings import Frame, default_settings, load_settings
from analyzer.text import compile_terms

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "threads" / "joint-patrol"
PRESET = resources.files("analyzer.data").joinpath("presets", "geopolitics.toml")
# shared/ lies beside the repository (in a worktree, beside its parent).
REFERENCE = next((folder / "shared" / "eval" / "sentiment" for folder in ROOT.parents
                  if (folder / "shared" / "eval" / "sentiment").is_dir()), ROOT / "missing")
REFERENCE_FILES = ("nytEditorialSnippets_GroundTruth.txt", "tweets_GroundTruth.txt")

CODEBOOK = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime": "Crime and punishment",
    "security_defense": "Security and defence",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_reputation": "External regulation and reputation",
}


def geopolitics() -> tuple[Frame, ...]:
    return load_settings(preset="geopolitics").frames


def all_terms() -> list[tuple[str, str]]:
    return [(f"{frame.name}", term) for frames in (default_settings().frames, geopolitics())
            for frame in frames for term in frame.terms]


@cache
def sample() -> tuple[str, str, str]:
    """The sample's forum opinion, its reposted comment, and its news, as texts."""
    analysis = analyse_paths([SAMPLE], news=[SAMPLE / "news"])
    forum = "\n\n".join(p.text for p in analysis.thread.posts if p.kind == "opinion")
    (cluster,) = analysis.clusters
    repost = next(p.text for p in analysis.thread.posts if p.id == cluster.post_ids[0])
    news = "\n\n".join(f"{a.title}\n{a.text}" for a in analysis.articles)
    return forum, repost, news


def test_default_frames_are_the_policy_frames_codebook_dimensions():
    frames = default_settings().frames
    assert {f.name: f.label for f in frames} == CODEBOOK
    assert all(len(f.terms) >= 15 for f in frames)


def test_geopolitics_preset_has_the_geopolitical_frames():
    names = {f.name for f in geopolitics()}
    assert names == {"cooperation", "military_threat", "alliance", "rivalry_west",
                     "great_powers", "strategic_stability", "international_law", "mistrust",
                     "economy"}


def test_no_frame_term_is_a_phrase_of_the_samples_reposted_comment():
    _, repost, _ = sample()
    assert "Russia has no allies" in repost  # the comment posted three times
    phrases = [(frame, term) for frame, term in all_terms()
               if " " in term or "-" in term.strip("*")]
    assert len(phrases) > 30
    taken = [(frame, term) for frame, term in phrases if compile_terms([term]).search(repost)]
    assert taken == []


def test_no_frame_term_occurs_only_in_the_samples_forum_posts():
    if not all((REFERENCE / name).is_file() for name in REFERENCE_FILES):
        pytest.skip(f"independent reference text not found in {REFERENCE}")
    reference = "\n".join(line.split("\t")[2]
                          for name in REFERENCE_FILES
                          for line in (REFERENCE / name).read_text("utf-8").splitlines()
                          if line.count("\t") >= 2)
    assert len(reference) > 500_000
    forum, _, news = sample()
    used = [(frame, term) for frame, term in all_terms() if compile_terms([term]).search(forum)]
    assert len(used) > 10
    only_forum = [(frame, term) for frame, term in used
                  if not compile_terms([term]).search(reference)
                  and not compile_terms([term]).search(news)]
    assert only_forum == []
