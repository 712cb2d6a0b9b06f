"""Topic and rivals: stance reached without naming the target, and the roles clauses give."""

from __future__ import annotations

import json

import pytest

from analyzer.model import Post, Thread
from analyzer.pipeline import analyse
from analyzer.serialize import analysis_to_dict
from analyzer.settings import Settings, Target, load_settings
from analyzer.stance import score_text
from analyzer.stance.cues import cue_before, split_hashtags

HILLARY = Target(name="hillary", label="Hillary Clinton", aliases=("Hillary*", "Clinton*"),
                 rivals=("Trump*", "GOP"))
SETTINGS = Settings(targets=(HILLARY,), topic="hillary")
GEO = load_settings(preset="geopolitics")


def stance(text: str, settings: Settings = SETTINGS) -> tuple[float, str] | None:
    found = score_text(text, "1", settings)
    return (found[0].score, found[0].via) if found else None


def test_post_naming_no_target_speaks_of_the_topic():
    score, via = stance("What a liar. Worst candidate in decades.")
    assert score < 0 and via == "topic"


def test_without_a_topic_a_post_naming_no_target_gets_no_stance():
    assert stance("What a liar. Worst candidate in decades.", Settings(targets=(HILLARY,))) \
        is None


def test_information_seeking_question_gives_the_topic_no_stance():
    assert stance("Does anyone know when the debate starts?") is None


@pytest.mark.parametrize("text, sign", [
    ("Trump is a disgrace and a liar.", 1),
    ("The GOP has no ideas at all. Pathetic.", 1),
    ("Trump is a brilliant, honest leader.", -1),
])
def test_criticising_a_rival_is_support_and_praising_one_opposition(text, sign):
    score, via = stance(text)
    assert via == "rival" and score * sign > 0


def test_mention_and_rival_pool_their_evidence():
    score, via = stance("Hillary is wonderful. Trump is a disgrace.")
    assert via == "mention" and score > 0.3


def test_words_naming_a_target_do_not_judge_it():
    ban = Target(name="ban", label="Assault weapons ban", aliases=("assault weapons ban",))
    (found,) = score_text("Great to see the assault weapons ban back.", "1",
                          Settings(targets=(ban,)))
    assert found.score > 0


@pytest.mark.parametrize("text, side", [
    ("Vote for Hillary", "favour"),
    ("I will never vote for Hillary", "against"),
    ("Stop Hillary", "against"),
    ("anti-Hillary", "against"),
    ("don't trust Hillary", "against"),
    ("She said Hillary", None),
])
def test_stance_verbs_take_a_side_toward_their_object(text, side):
    assert cue_before(text, text.index("Hillary")) == side


def test_hashtags_are_read_as_their_words():
    assert split_hashtags("#StopHillary2016 now #prolife") == "Stop Hillary 2016 now prolife"
    score, via = stance("#StopHillary")
    assert via == "mention" and score < 0


def test_playing_one_actor_against_another_judges_the_player():
    scores = {s.target: s.score for s in score_text(
        "Russia is too happy to play China against the West.", "1", GEO)}
    assert "china" not in scores and "us" not in scores
    assert scores["russia"] < 0


def test_praise_of_an_unnamed_pair_in_a_comparison_goes_to_the_partnership():
    scores = {s.target: s.score for s in score_text(
        "Two of the three super powers combined. It's an entity far superior to the US.",
        "1", GEO)}
    assert scores["partnership"] > 0 and scores["us"] < 0


def test_negated_reliance_is_opposition_toward_the_partnership():
    scores = {s.target: s.score for s in score_text(
        "China must never rely on Russia as an ally.", "1", GEO)}
    assert scores["partnership"] < 0 and scores["russia"] < 0


def test_json_says_how_each_post_reached_its_target():
    thread = Thread(id="t", title=None, engine="jsonl", url=None, posts=(
        Post(id="1", position=0, author="a", timestamp=None, text="Hillary is great."),
        Post(id="2", position=1, author="b", timestamp=None, text="Trump is a disgrace."),
        Post(id="3", position=2, author="c", timestamp=None, text="Worst candidate ever."),
    ))
    data = json.loads(json.dumps(analysis_to_dict(analyse(thread, (), SETTINGS))))
    assert [p["stance_via"] for p in data["posts"]] == [
        {"hillary": "mention"}, {"hillary": "rival"}, {"hillary": "topic"}]
    assert data["settings"]["topic"] == "hillary"
    assert data["settings"]["targets"]["hillary"]["rivals"] == ["Trump*", "GOP"]


def test_cli_topic_and_preset_options_reach_the_json(tmp_path):
    from click.testing import CliRunner

    from analyzer.cli import cli

    posts = tmp_path / "t.jsonl"
    posts.write_text(
        '{"id": "1", "author": "a", "text": "Worst idea ever, a total disgrace."}\n'
        '{"id": "2", "author": "b", "text": "China is a wonderful partner."}\n', "utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["analyse", str(posts), "--preset", "geopolitics",
                                      "--topic", "China", "--format", "json", "-o", str(out),
                                      "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert [p["stance_via"] for p in data["posts"]] == [{"china": "topic"}, {"china": "mention"}]
    assert data["settings"]["targets_from"] == "preset geopolitics"
    assert data["settings"]["topic_from"] == "--topic"


def test_cli_unknown_preset_is_an_error(tmp_path):
    from click.testing import CliRunner

    from analyzer.cli import cli

    posts = tmp_path / "t.jsonl"
    posts.write_text('{"id": "1", "author": "a", "text": "x"}\n', "utf-8")
    result = CliRunner().invoke(cli, ["analyse", str(posts), "--preset", "nope", "-q"])
    assert result.exit_code != 0
    assert "Error: unknown preset 'nope'; available: geopolitics" in result.output


def test_a_tag_spelling_an_alias_is_kept_whole_and_handles_are_split():
    assert split_hashtags("#ProLife and @realDonaldTrump", ("pro-life",)) == \
        "ProLife and real Donald Trump"
    rival = Target(name="choice", label="Legal abortion", aliases=("pro-choice",),
                   rivals=("pro-life", "prolife"))
    (found,) = score_text("Every life is precious and beautiful #ProLife", "1",
                          Settings(targets=(rival,), topic="choice"))
    assert found.via == "rival" and found.score < 0


def test_contracted_question_word_asks_and_gives_the_topic_no_stance():
    assert stance("What's the best time to watch the debate?") is None
