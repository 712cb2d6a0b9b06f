"""One settings object, handed to every stage.

The defaults live in ``analyzer/data/defaults.toml``, in the same form a user
writes for ``--config``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.parsers.limits import DEFAULT_MAX_SIZE


@dataclass(frozen=True)
class Target:
    """An actor stance is measured toward.

    Attributes:
        name: Short key used in JSON (``russia``).
        label: Name shown in reports (``Russia``).
        aliases: Words and phrases that mention the target.
        co_mention: Other targets whose joint mention also mentions this one.
    """

    name: str
    label: str
    aliases: tuple[str, ...]
    co_mention: tuple[str, ...] = ()


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


_SCALARS = {
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
_KNOWN_TABLES = {"reposts", "news", "targets", "frames", "lexicon"}


def default_settings() -> Settings:
    """Return the built-in settings."""
    text = resources.files("analyzer.data").joinpath("defaults.toml").read_text("utf-8")
    return _apply(Settings(), tomllib.loads(text), "defaults.toml", replace_lists=True)


def load_settings(path: str | Path | None = None) -> Settings:
    """Return the defaults, overridden by the TOML file at ``path`` if given.

    Raises:
        ConfigError: If the file is missing, not TOML, or has unknown keys or
            values of the wrong type.
    """
    settings = default_settings()
    if path is None:
        return settings
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return _apply(settings, data, str(path), replace_lists=False)


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
        extra = sorted(set(spec) - {"label", "aliases", "co_mention"})
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
    for target in settings.targets:
        missing = [n for n in target.co_mention if n not in names]
        if missing:
            raise ConfigError(f"{origin}: targets.{target.name}.co_mention names unknown "
                              f"target {missing[0]!r}")

