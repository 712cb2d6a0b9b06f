"""Settings: built-in defaults and --config TOML overrides."""

from __future__ import annotations

import pytest

from analyzer.errors import ConfigError
from analyzer.settings import default_settings, load_settings


def test_defaults_name_no_targets_and_have_the_repost_parameters():
    s = default_settings()
    assert s.targets == () and s.topic is None and s.targets_from == ""
    assert (s.num_perm, s.threshold, s.shingle) == (128, 0.8, "word-3")


def test_geopolitics_preset_has_the_four_targets_and_says_where_they_came_from():
    s = load_settings(preset="geopolitics")
    assert [t.name for t in s.targets] == ["russia", "china", "us", "partnership"]
    assert s.target("partnership").co_mention == ("russia", "china")
    assert s.targets_from == "preset geopolitics"
    assert {"cooperation", "military_threat", "alliance"} <= {f.name for f in s.frames}


def test_unknown_preset_is_a_config_error_naming_the_choices():
    with pytest.raises(ConfigError) as info:
        load_settings(preset="weather")
    assert str(info.value) == "unknown preset 'weather'; available: geopolitics"


HILLARY = (
    '[thread]\ntopic = "hillary"\n\n'
    '[targets.hillary]\nlabel = "Hillary Clinton"\naliases = ["Hillary*", "Clinton*"]\n'
    'rivals = ["Trump*", "GOP"]\n'
)


def test_config_sets_topic_and_rivals(tmp_path):
    config = tmp_path / "analysis.toml"
    config.write_text(HILLARY)
    s = load_settings(config)
    assert s.topic == "hillary" and s.target("hillary").rivals == ("Trump*", "GOP")
    assert s.targets_from == f"config {config}" and s.topic_from == f"config {config}"


def test_config_targets_replace_a_presets(tmp_path):
    config = tmp_path / "analysis.toml"
    config.write_text(HILLARY)
    s = load_settings(config, preset="geopolitics")
    assert [t.name for t in s.targets] == ["hillary"]


def test_topic_option_names_a_configured_target_by_name_or_label(tmp_path):
    s = load_settings(preset="geopolitics", topic="China")
    assert (s.topic, s.topic_from) == ("china", "--topic")


def test_topic_option_naming_no_target_makes_one():
    s = load_settings(topic="Climate change")
    assert s.topic == "climate_change"
    assert s.target("climate_change").aliases == ("Climate change",)
    assert s.targets_from == "--topic"
    assert {"economic", "security_defense", "external_reputation"} <= {f.name for f in s.frames}


def test_config_replaces_targets_and_frames_and_overrides_parameters(tmp_path):
    config = tmp_path / "analysis.toml"
    config.write_text(
        '[reposts]\nthreshold = 0.7\n\n'
        '[targets.union]\nlabel = "The union"\naliases = ["union", "shop stewards"]\n\n'
        '[frames.pay]\nterms = ["wage*", "pay"]\n\n'
        '[lexicon]\nscab = -2.5\n'
    )
    s = load_settings(config)
    assert s.threshold == 0.7
    assert [t.name for t in s.targets] == ["union"]
    assert [f.name for f in s.frames] == ["pay"]
    assert ("scab", -2.5) in s.lexicon


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_malformed_toml_names_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[targets.x\naliases = 1")
    with pytest.raises(ConfigError, match=r"bad.toml: invalid TOML"):
        load_settings(bad)


@pytest.mark.parametrize("body, message", [
    ("[colours]\nred = 1\n", "unknown table [colours]"),
    ("[reposts]\nbands = 4\n", "unknown key reposts.bands"),
    ("[reposts]\nthreshold = 1.5\n", "reposts.threshold must be in (0, 1]"),
    ("[targets.x]\nlabel = 'X'\n", "targets.x needs aliases"),
    ("[targets.x]\naliases = [1, 2]\n", "targets.x.aliases must be a list of non-empty strings"),
    ("[targets.x]\naliases = ['x']\nco_mention = ['y']\n",
     "targets.x.co_mention names unknown target 'y'"),
    ("[targets.x]\naliases = ['x']\nrivals = 'y'\n",
     "targets.x.rivals must be a list of non-empty strings"),
    ("[thread]\ntopic = 'y'\n[targets.x]\naliases = ['x']\n",
     "thread.topic names unknown target 'y'"),
    ("[thread]\ntopic = 3\n", "thread.topic must be a string"),
    ("[thread]\ntitle = 'x'\n", "unknown key thread.title"),
])
def test_invalid_config_values_are_reported_precisely(tmp_path, body, message):
    path = tmp_path / "c.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert message in str(info.value)
