"""Writing results: to a temporary file first, then renamed into place.

A failed run therefore never leaves a half-written report, and an existing
report survives untouched.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from analyzer.errors import OutputError


def check_writable(path: str | Path) -> Path:
    """Fail early if ``path`` can plainly not be written: a folder, or under a file.

    Raises:
        OutputError: If ``path`` is a folder or one of its parents is a file.
    """
    path = Path(path)
    blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise OutputError(f"cannot write {path}: {blocker} is a file, not a folder")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    return path


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating parent folders.

    Raises:
        OutputError: If the folder cannot be created or the file written.
    """
    path = check_writable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Like mkstemp, but with the permissions an ordinary write gets
        # (0666 less the umask): mkstemp's 0600 would hide a shared report.
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it replaces the old file
        os.replace(tmp, path)
    except BaseException as exc:  # interrupted or failed: no temporary file stays behind
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return path


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends to ``path`` atomically.

    Raises:
        OutputError: If the folder cannot be created or the file written.
    """
    return write_bytes(path, text.encode("utf-8"))


def write_json(path: str | Path, data: Any) -> Path:
    """Write ``data`` as indented UTF-8 JSON to ``path`` atomically."""
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
