"""What every ``forum-analyzer`` command shares: error handling, ``--debug``,
``--max-size`` and command aliases.

Library errors (:class:`analyzer.errors.AnalyzerError`) become one
``Error: ...`` line on stderr and the exit code named in
:class:`analyzer.errors.ExitCode`; any other exception (a bug) becomes one
``Error: unexpected ...`` line and exit code ``ERROR``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from analyzer.errors import (
    AnalyzerError,
    ExitCode,
    FileFailedWarning,
    batch_summary,
    common_exit_code,
)

ALIASES = {"analyze": "analyse"}


class AliasedGroup(click.Group):
    """A group that also answers to the spellings in :data:`ALIASES`."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        return (command.name if command else name), command, rest


class UnexpectedError(click.ClickException):
    """An exception the library did not raise on purpose: a bug, or the machine gave out."""

    exit_code = int(ExitCode.ERROR)

    def __init__(self, error: BaseException) -> None:
        if isinstance(error, MemoryError):
            what = "out of memory"
        else:
            detail = str(error)
            what = f"unexpected {type(error).__name__}" + (f": {detail}" if detail else "")
        super().__init__(f"{what} (run again with --debug to see the traceback)")


def _fail(message: str, exit_code: int) -> NoReturn:
    """Show ``Error: message`` on stderr and exit with ``exit_code``, as click does."""
    click.echo(f"Error: {message}", err=True)
    raise click.exceptions.Exit(exit_code)


_CLICK_FLOW = (click.ClickException, click.exceptions.Exit, click.Abort)


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Turn library errors and warnings into click's messages.

    Warnings are printed as ``Warning: ...`` lines. Files a batch left out
    (:class:`~analyzer.errors.FileFailedWarning`) are gathered into one
    closing ``Error:`` summary with a non-zero exit code, once the command
    has written what it could.
    """
    failed: list[FileFailedWarning] = []
    error: AnalyzerError | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        finished = False
        try:
            yield
            finished = True
        except AnalyzerError as exc:
            if debug:
                raise
            error = exc
        except _CLICK_FLOW:
            raise
        except Exception as exc:  # a bug must still end in one line, not a traceback
            if debug:
                raise
            raise UnexpectedError(exc) from None
        finally:
            for warning in caught:
                if finished and isinstance(warning.message, FileFailedWarning):
                    failed.append(warning.message)
                else:
                    click.echo(f"Warning: {warning.message}", err=True)
    if error is not None:  # shown after the warnings, as the last line
        _fail(str(error), int(error.exit_code))
    if failed:
        _fail(batch_summary([(f.path, f.error) for f in failed], failed[0].total),
              int(common_exit_code(f.error for f in failed)))


class _Size(click.ParamType):
    """A size such as ``200MB`` or ``1.5GB`` (see :func:`analyzer.reading.limits.parse_size`)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        from analyzer.reading.limits import parse_size

        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


_MAX_SIZE = click.option(
    "--max-size", type=_Size(), default="100MB", show_default=True, metavar="SIZE",
    help="Refuse input files larger than this (e.g. 200MB, 1.5GB).")


def _command(func: Callable[..., None]) -> Callable[..., None]:
    """Add ``--debug`` to a command and wrap it in :func:`_errors`."""

    @click.option("--debug", is_flag=True, help="Show the traceback of an error.")
    @click.pass_context
    def wrapper(ctx: click.Context, debug: bool, **kwargs: Any) -> None:
        with _errors(debug):
            ctx.invoke(func, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper
