"""The README is tested like code: its commands run, its links resolve, and its
option lists agree with ``--help``.

Conventions the README follows so that these tests can read it:

- Every line of a ``sh`` code block that runs ``forum-analyzer`` (alone or
  after ``pip install … &&``) is a documented command. It is expected to exit
  0 unless the line ends with a comment ``# exits N``.
- A command may name only files that exist in the repository (the sample in
  ``threads/``, ``examples/``) or files that :data:`MADE_FILES` makes from the
  test fixtures, so that a reader's placeholder names (``saved-topic.html``)
  stand for real pages of the engine they describe.
- The usage block under "Using it" (a ``text`` code block) lists, per command, every option that
  ``forum-analyzer COMMAND --help`` shows (``--help`` and ``--debug`` aside).
"""

from __future__ import annotations

import re
import shlex
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from analyzer.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MADE_FILES: dict[str, Path] = {
    "saved-topic.html": FIXTURES / "selectors" / "fluxbb-topic.html",
    "saved-page-1.html": FIXTURES / "xenforo2" / "thread-page1.html",
    "saved-page-2.html": FIXTURES / "xenforo2" / "thread-page2.html",
    "my-thread/page-1.html": FIXTURES / "xenforo2" / "thread-page1.html",
    "my-thread/page-2.html": FIXTURES / "xenforo2" / "thread-page2.html",
    "copied-thread.txt": FIXTURES / "plaintext" / "xenforo-copy.txt",
    "my-thread.txt": FIXTURES / "plaintext" / "xenforo-copy.txt",
    "posts.csv": FIXTURES / "csv" / "posts.csv",
    "dump/board-12.jsonl": FIXTURES / "forum-dl" / "board-12.jsonl",
    "dump/4chan-dataset.csv": FIXTURES / "4cat" / "4chan-dataset.csv",
    "dump/thread.jsonl": FIXTURES / "jsonl" / "thread.jsonl",
}
"""Files a README command may name that the repository does not hold: each is
made in the test's sandbox from a hand-written fixture of the same kind."""

_EXITS = re.compile(r"\s+#\s*exits\s+(\d+)\s*$")
_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class Command:
    """One ``forum-analyzer`` command line from the README."""

    line: int
    args: tuple[str, ...]
    exit_code: int

    def __str__(self) -> str:
        return f"README line {self.line}: forum-analyzer {shlex.join(self.args)}"


@dataclass(frozen=True)
class Block:
    """The ``forum-analyzer`` commands of one code block, run in order in one folder."""

    line: int
    commands: tuple[Command, ...]

    def __str__(self) -> str:
        return f"README line {self.line}: " + "; ".join(" ".join(c.args[:2]) for c in self.commands)


def _fences(kinds: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    tokens = MarkdownIt().parse(README.read_text(encoding="utf-8"))
    for token in tokens:
        if token.type == "fence" and token.info.strip() in kinds and token.map:
            yield token.map[0] + 2, token.content


def readme_blocks() -> list[Block]:
    """Every ``sh`` block of the README that runs ``forum-analyzer``."""
    blocks = []
    for first, content in _fences(("sh", "shell", "bash", "console")):
        found = []
        for offset, raw in enumerate(content.splitlines()):
            text = raw.strip()
            exits = _EXITS.search(text)
            text = _COMMENT.sub("", text)
            for part in text.split("&&"):
                words = shlex.split(part)
                if words and words[0] == "forum-analyzer":
                    found.append(Command(first + offset, tuple(words[1:]),
                                         int(exits.group(1)) if exits else 0))
        if found:
            blocks.append(Block(first - 1, tuple(found)))
    return blocks


BLOCKS = readme_blocks()


def _sandbox(tmp_path: Path) -> Path:
    for folder in ("threads", "examples"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for name, source in MADE_FILES.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return tmp_path


def test_the_readme_documents_commands() -> None:
    commands = [c for block in BLOCKS for c in block.commands]
    assert len(commands) >= 3
    assert any(c.args[:1] == ("analyse",) for c in commands)


@pytest.mark.parametrize("block", BLOCKS, ids=str)
def test_readme_commands_exit_as_documented(block: Block, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_sandbox(tmp_path))
    for command in block.commands:
        for arg in command.args:
            if not arg.startswith("-") and ("/" in arg or "." in arg) and " " not in arg \
                    and not Path(arg).exists() and not _is_output(command.args, arg):
                pytest.fail(f"{command} names {arg}, which neither the repository "
                            "nor MADE_FILES has")
        result = CliRunner().invoke(cli, list(command.args), catch_exceptions=False)
        assert result.exit_code == command.exit_code, f"{command}\n{result.output}"


def _is_output(args: tuple[str, ...], arg: str) -> bool:
    index = args.index(arg)
    return index > 0 and args[index - 1] in {"-o", "--output", "--json", "--db"}


# -- links ---------------------------------------------------------------------

def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading).strip().lower()
    text = "".join(ch for ch in text if ch in " -" or unicodedata.category(ch)[0] in "LN")
    return text.replace(" ", "-")


def _anchors() -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    tokens = MarkdownIt().parse(README.read_text(encoding="utf-8"))
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type == "heading_open":
            slug = _slug(inline.content)
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links() -> list[str]:
    links = []
    tokens = MarkdownIt().parse(README.read_text(encoding="utf-8"))
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                links.append(str(child.attrs["href"]))
            if child.type == "image":
                links.append(str(child.attrs["src"]))
    return links


def test_every_internal_readme_link_points_to_a_heading() -> None:
    anchors = _anchors()
    missing = [link for link in _links() if link.startswith("#") and link[1:] not in anchors]
    assert not missing, f"links to no heading: {missing}; headings: {sorted(anchors)}"


def test_every_relative_readme_link_points_to_a_file() -> None:
    missing = [link for link in _links()
               if not re.match(r"[a-z]+:|#", link) and not (ROOT / link.split("#")[0]).exists()]
    assert not missing


def test_the_slug_follows_github() -> None:
    assert _slug("A forum no parser knows: `--selectors`") == "a-forum-no-parser-knows---selectors"
    assert _slug("Analyse your own forum") == "analyse-your-own-forum"


# -- options -------------------------------------------------------------------

def _usage_options() -> dict[str, set[str]]:
    """Options per command in the README's usage block (``forum-analyzer CMD …`` lines
    of a ``text`` code block, continued on indented lines)."""
    usage: dict[str, set[str]] = {}
    for _, content in _fences(("text",)):
        current = None
        for raw in content.splitlines():
            if raw.startswith("forum-analyzer "):
                words = raw.split()
                current = " ".join(w for w in words[1:3] if re.fullmatch(r"[a-z]+", w))
                current = current if current in _commands() else words[1]
                usage.setdefault(current, set())
            elif not raw.startswith(" "):
                current = None
            if current is not None:
                usage[current] |= set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", raw))
    return usage


def _commands() -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in cli.commands.items():
        if isinstance(command, click.Group):
            for sub, inner in command.commands.items():
                found[f"{name} {sub}"] = inner
        else:
            found[name] = command
    return found


def _help_options(command: click.Command) -> list[set[str]]:
    """Each option's spellings (``{"-o", "--output"}``), ``--help`` and ``--debug`` aside."""
    return [set(param.opts + param.secondary_opts) for param in command.params
            if isinstance(param, click.Option) and "--debug" not in param.opts]


def test_the_usage_block_lists_every_command() -> None:
    assert set(_usage_options()) >= {name for name in _commands() if name != "analyze"}


@pytest.mark.parametrize("name", sorted(n for n in _commands() if n != "analyze"))
def test_readme_usage_and_help_agree_on_options(name: str) -> None:
    documented = _usage_options().get(name, set())
    options = _help_options(_commands()[name])
    undocumented = [sorted(spellings) for spellings in options if not spellings & documented]
    unknown = documented - set().union(*options)
    assert not undocumented, f"{name}: --help has options the README's usage omits"
    assert not unknown, f"{name}: the README's usage has options --help lacks"
