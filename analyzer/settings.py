"""One settings object, handed to every stage.

The defaults live in ``analyzer/data/defaults.toml``, in the same form a user
writes for ``--config``. Presets (``--preset NAME``) are TOML files of the same
form in ``analyzer/data/presets/``; they are applied over the defaults, and a
``--config`` file over them. The defaults name no targets: with no preset or
config naming some, the stance stage finds the actors the thread itself
discusses (:mod:`analyzer.stance.actors`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError

#: Default per-file size limit, in bytes (decimal megabytes, as file managers show).
DEFAULT_MAX_SIZE = 100_000_000


@dataclass(frozen=True)
class Target:
    """An actor stance is measured toward.

    Attributes:
        name: Short key used in JSON (``russia``).
        label: Name shown in reports (``Russia``).
        aliases: Words and phrases that mention the target.
        co_mention: Other targets whose joint mention also mentions this one.
        rivals: Words naming the other side: criticism of a rival counts as
            support for this target, and praise of one as opposition.
    """

    name: str
    label: str
    aliases: tuple[str, ...]
    co_mention: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Frame:
    """A lens a text can use, recognised by its terms."""

    name: str
    label: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    """Parameters of every stage.

    Attributes:
        num_perm: MinHash permutations.
        threshold: Jaccard similarity at which two posts count as copies.
        shingle_size: Words per shingle.
        min_words: Posts with fewer words are never repost candidates.
        seed: MinHash seed.
        containment: Share of the shorter post's shingles found in the
            longer at which two posts count as copies, though one wraps the
            other in more text.
        news_containment: Share of a post's shingles that must appear in a
            supplied article for the post to count as pasted news.
        targets: The actors stance is measured toward.
        frames: The frames framing is measured by.
        lexicon: Domain words added to VADER's lexicon, as (word, valence).
        max_file_size: Input files larger than this many bytes are refused
            before they are read (``--max-size``).
        topic: Name of the target a post that names no target speaks of
            (``[thread] topic`` or ``--topic``); None for none.
        targets_from: Where the targets came from, as the report says it:
            "preset geopolitics", "config analysis.toml", "--topic", "found in
            the thread" or "" (none yet).
        topic_from: Where the topic came from: "config FILE", "--topic",
            "the thread title", or "" when there is no topic.
        jobs: Worker processes for per-post work (``--jobs``); None means
            every available core. Results do not depend on it.
    """

    num_perm: int = 128
    threshold: float = 0.8
    shingle_size: int = 3
    min_words: int = 12
    seed: int = 1
    containment: float = 0.8
    news_containment: float = 0.5
    targets: tuple[Target, ...] = ()
    frames: tuple[Frame, ...] = ()
    lexicon: tuple[tuple[str, float], ...] = field(default=(), repr=False)
    max_file_size: int = DEFAULT_MAX_SIZE
    topic: str | None = None
    targets_from: str = ""
    topic_from: str = ""
    jobs: int | None = None

    @property
    def shingle(self) -> str:
        """The shingle scheme, as written in reports and JSON (``word-3``)."""
        return f"word-{self.shingle_size}"

    def target(self, name: str) -> Target:
        """Return the target called ``name``."""
        for target in self.targets:
            if target.name == name:
                return target
        raise KeyError(name)


_SCALARS: dict[str, dict[str, tuple[str, type[int] | type[float]]]] = {
    "reposts": {
        "num_perm": ("num_perm", int),
        "threshold": ("threshold", float),
        "shingle_size": ("shingle_size", int),
        "min_words": ("min_words", int),
        "seed": ("seed", int),
        "containment": ("containment", float),
    },
    "news": {"containment": ("news_containment", float)},
}
_KNOWN_TABLES = {"reposts", "news", "targets", "frames", "lexicon", "thread"}
_TARGET_KEYS = {"label", "aliases", "co_mention", "rivals"}


def default_settings() -> Settings:
    """Return the built-in settings."""
    text = resources.files("analyzer.data").joinpath("defaults.toml").read_text("utf-8")
    return _apply(Settings(), tomllib.loads(text), "defaults.toml", replace_lists=True)


def presets() -> tuple[str, ...]:
    """Return the names of the shipped presets (``--preset NAME``), sorted."""
    folder = resources.files("analyzer.data").joinpath("presets")
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir()
                        if entry.name.endswith(".toml")))


def load_settings(path: str | Path | None = None, preset: str | None = None,
                  topic: str | None = None) -> Settings:
    """Return the defaults, overridden by a preset, a TOML file and a topic.

    Args:
        path: A ``--config`` TOML file, applied last of the files.
        preset: Name of a shipped preset (:func:`presets`), applied before it.
        topic: ``--topic NAME``: the target a post that names no target
            speaks of. If no target of that name is configured, one is made
            whose label and alias are ``NAME``.

    Raises:
        ConfigError: If the file is missing, not TOML, or has unknown keys or
            values of the wrong type, or the preset is unknown.
    """
    settings = default_settings()
    if preset is not None:
        settings = _preset(settings, preset)
    if path is not None:
        settings = _config(settings, Path(path))
    if topic is not None:
        settings = with_topic(settings, topic, "--topic")
    return settings


def with_topic(settings: Settings, topic: str, origin: str) -> Settings:
    """Return ``settings`` with ``topic`` as the thread's topic.

    A topic naming no configured target (by name or label, ignoring case)
    becomes a target of its own, with the topic as label and alias.

    Raises:
        ConfigError: If ``topic`` is blank.
    """
    topic = topic.strip()
    if not topic:
        raise ConfigError(f"{origin}: the topic must not be empty")
    for target in settings.targets:
        if topic.lower() in (target.name.lower(), target.label.lower()):
            return replace(settings, topic=target.name, topic_from=origin)
    name = "_".join(topic.lower().split())
    target = Target(name=name, label=topic, aliases=(topic,))
    return replace(settings, targets=(*settings.targets, target), topic=name,
                   topic_from=origin, targets_from=settings.targets_from or origin)


def _preset(settings: Settings, name: str) -> Settings:
    if name not in presets():
        raise ConfigError(f"unknown preset {name!r}; available: " + ", ".join(presets()))
    text = resources.files("analyzer.data").joinpath("presets", f"{name}.toml").read_text("utf-8")
    origin = f"preset {name}"
    return _provenance(_apply(settings, tomllib.loads(text), origin, replace_lists=False),
                       origin, origin)


def _provenance(settings: Settings, origin: str, label: str) -> Settings:
    """Name the file that set the targets or topic as the report shows it.

    A topic that is not one of the targets (the file set a topic and no
    targets) becomes a target of its own (:func:`with_topic`).
    """
    settings = replace(
        settings,
        targets_from=label if settings.targets_from == origin else settings.targets_from,
        topic_from=label if settings.topic_from == origin else settings.topic_from)
    if settings.topic is not None and settings.topic not in {t.name for t in settings.targets}:
        settings = with_topic(settings, settings.topic, label)
    return settings


def _config(settings: Settings, path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return _provenance(_apply(settings, data, str(path), replace_lists=False), str(path),
                       f"config {path}")


def _apply(settings: Settings, data: dict[str, Any], origin: str, replace_lists: bool) -> Settings:
    unknown = sorted(set(data) - _KNOWN_TABLES)
    if unknown:
        raise ConfigError(f"{origin}: unknown table [{unknown[0]}]; expected one of "
                          + ", ".join(sorted(_KNOWN_TABLES)))
    changes: dict[str, Any] = {}
    for table, keys in _SCALARS.items():
        values = _table(data, table, origin)
        for key, value in values.items():
            if key not in keys:
                raise ConfigError(f"{origin}: unknown key {table}.{key}")
            attr, kind = keys[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{origin}: {table}.{key} must be a number")
            changes[attr] = kind(value)
    if "targets" in data:
        changes["targets"] = _targets(_table(data, "targets", origin), origin)
        changes["targets_from"] = "" if replace_lists else origin
    thread = _table(data, "thread", origin)
    extra = sorted(set(thread) - {"topic"})
    if extra:
        raise ConfigError(f"{origin}: unknown key thread.{extra[0]}")
    if "topic" in thread:
        if not isinstance(thread["topic"], str):
            raise ConfigError(f"{origin}: thread.topic must be a string")
        changes["topic"] = thread["topic"].strip() or None
        changes["topic_from"] = origin if changes["topic"] else ""
    if "frames" in data:
        changes["frames"] = _frames(_table(data, "frames", origin), origin)
    if "lexicon" in data:
        lexicon = {} if replace_lists else dict(settings.lexicon)
        for word, value in _table(data, "lexicon", origin).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{origin}: lexicon.{word} must be a number")
            lexicon[word.lower()] = float(value)
        changes["lexicon"] = tuple(sorted(lexicon.items()))
    result = replace(settings, **changes)
    _validate(result, origin)
    return result


def _table(data: dict[str, Any], name: str, origin: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: [{name}] must be a table")
    return value


def _strings(value: Any, where: str, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{origin}: {where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _targets(table: dict[str, Any], origin: str) -> tuple[Target, ...]:
    targets = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{origin}: [targets.{name}] must be a table")
        extra = sorted(set(spec) - _TARGET_KEYS)
        if extra:
            raise ConfigError(f"{origin}: unknown key targets.{name}.{extra[0]}")
        if "aliases" not in spec:
            raise ConfigError(f"{origin}: targets.{name} needs aliases")
        targets.append(Target(
            name=name,
            label=str(spec.get("label", name)),
            aliases=_strings(spec["aliases"], f"targets.{name}.aliases", origin),
            co_mention=_strings(spec.get("co_mention", []), f"targets.{name}.co_mention", origin)
            if spec.get("co_mention") else (),
            rivals=_strings(spec.get("rivals", []), f"targets.{name}.rivals", origin),
        ))
    return tuple(targets)


def _frames(table: dict[str, Any], origin: str) -> tuple[Frame, ...]:
    frames = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{origin}: [frames.{name}] must be a table")
        extra = sorted(set(spec) - {"label", "terms"})
        if extra:
            raise ConfigError(f"{origin}: unknown key frames.{name}.{extra[0]}")
        if "terms" not in spec:
            raise ConfigError(f"{origin}: frames.{name} needs terms")
        frames.append(Frame(name=name, label=str(spec.get("label", name)),
                            terms=_strings(spec["terms"], f"frames.{name}.terms", origin)))
    return tuple(frames)


def _validate(settings: Settings, origin: str) -> None:
    if not 0.0 < settings.threshold <= 1.0:
        raise ConfigError(f"{origin}: reposts.threshold must be in (0, 1]")
    if not 0.0 < settings.containment <= 1.0:
        raise ConfigError(f"{origin}: reposts.containment must be in (0, 1]")
    if not 0.0 < settings.news_containment <= 1.0:
        raise ConfigError(f"{origin}: news.containment must be in (0, 1]")
    for attr in ("num_perm", "shingle_size"):
        if getattr(settings, attr) < 1:
            raise ConfigError(f"{origin}: reposts.{attr} must be at least 1")
    if settings.num_perm < 2:
        raise ConfigError(f"{origin}: reposts.num_perm must be at least 2")
    names = {t.name for t in settings.targets}
    if settings.topic is not None and settings.targets_from == origin \
            and settings.topic not in names:
        raise ConfigError(f"{origin}: thread.topic names unknown target {settings.topic!r}")
    for target in settings.targets:
        missing = [n for n in target.co_mention if n not in names]
        if missing:
            raise ConfigError(f"{origin}: targets.{target.name}.co_mention names unknown "
                              f"target {missing[0]!r}")

