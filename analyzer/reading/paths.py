"""Which files a user's paths stand for: folders expanded, in natural order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from analyzer.errors import InputError

_DIGITS = re.compile(r"(\d+)")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.", re.IGNORECASE)

#: Files operating systems leave in folders, never part of a saved thread.
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})


def expand_paths(paths: str | Path | Iterable[str | Path],
                 keep: Callable[[Path], bool] | None = None) -> list[Path]:
    """Turn the paths a user gave into the files to read, in order.

    A file stays as it is. A directory gives the regular, non-hidden files
    directly inside it (not its subfolders, which may hold news articles, nor
    the ``Thumbs.db`` and ``desktop.ini`` files of :data:`SYSTEM_FILES`), in
    natural order, so ``page-2`` comes before ``page-10``.

    Args:
        paths: Files and folders.
        keep: Which files inside a folder to read (all, if None).

    Raises:
        InputError: If a path does not exist, or a directory has no files.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for raw in paths:
        check_not_url(raw)
        path = Path(raw)
        if path.is_dir():
            inside = [child for child in path.iterdir()
                      if not child.name.startswith(".") and child.is_file()
                      and child.name.lower() not in SYSTEM_FILES
                      and (keep is None or keep(child))]
            if not inside:
                raise InputError(f"{path}: no files to read in this directory")
            files.extend(sorted(inside, key=natural_key))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file")
    return files


def check_not_url(raw: str | Path) -> None:
    """Refuse a web address given where a file is wanted, showing it as typed.

    Raises:
        InputError: If ``raw`` is a string that starts like a URL.
    """
    if isinstance(raw, str) and _URL.match(raw.strip()):
        raise InputError(f"{raw.strip()}: is a web address, not a file; open it in a browser, "
                         "save the page (File > Save Page As, \"Web Page, complete\" or "
                         "\"HTML only\") and pass the saved file")


def natural_key(path: str | Path) -> tuple[tuple[int, str], ...]:
    """Sort key that orders numbers by value: ``page-2`` before ``page-10``."""
    name = Path(path).name
    return tuple((int(part), part) if i % 2 else (0, part.lower())
                 for i, part in enumerate(_DIGITS.split(name)))

__all__ = ["SYSTEM_FILES", "check_not_url", "expand_paths", "natural_key"]
