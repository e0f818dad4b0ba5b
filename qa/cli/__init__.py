"""The `qa` command: a thin layer over the library API.

Every bad input surfaces as one line on stderr and exit code 2; findings decide 0/1.
Command modules import heavy libraries inside their functions so `qa --help` stays fast.
"""

from __future__ import annotations

import gc
import sys

import typer

from qa import __version__
from qa.errors import QaInputError

app = typer.Typer(
    name="qa",
    help="Quality checks for Japanese digests of English arXiv papers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qa (digest-qa) {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Quality checks for Japanese digests of English arXiv papers."""


# The module of qa.cli that defines each command: a run imports and builds only the module of
# the command it calls (every module when the arguments start with an option such as --help,
# or with an unknown command).
COMMAND_MODULES = {
    "align": "align",
    "check": "check",
    "rules": "check",
    "export": "export",
    "glossary": "glossary",
    "models": "mt",
    "translate": "mt",
    "score": "mt",
    "parse": "parse",
    "detect": "parse",
}
_registered: set[str] = set()


def register_commands(args: list[str]) -> None:
    """Add the commands args call for to the app: each module's `register(app)` adds its own."""
    import importlib

    command = args[0] if args else None
    modules = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else sorted(set(COMMAND_MODULES.values()))
    for name in modules:
        if name not in _registered:
            importlib.import_module(f"qa.cli.{name}").register(app)
            _registered.add(name)


# A command is one short process that keeps most of what it allocates (parsed digests, sentence
# features) to its end: at the default threshold (700 allocations) the collector runs hundreds
# of times, full passes over every imported module's objects included. Collection takes ≈0.13 s
# of a samples check by default, ≈0.1 s at a threshold of 10 000 and ≈0.06 s at this one.
GC_THRESHOLD = 25_000


def main(argv: list[str] | None = None) -> None:
    gc.set_threshold(GC_THRESHOLD)
    try:
        code, message, stream = _run(argv if argv is not None else sys.argv[1:])
        if message:
            print(message, file=stream)
    except BrokenPipeError:  # `qa … | head`: the reader left
        sys.stderr = None  # keep Python from reporting the closed pipe again at exit
        code = 0
    sys.exit(code)


def _run(args: list[str]) -> tuple[int, str | None, object]:
    """Run a command: (exit code, one message to print, its stream)."""
    register_commands(args)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="qa", standalone_mode=False)
    except QaInputError as exc:
        return 2, f"qa: error: {exc}", sys.stderr
    except typer.Exit as exc:
        return exc.exit_code, None, None
    except typer.TyperException as exc:  # usage errors: unknown option, missing argument…
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `qa` or `qa glossary`: the help, not an error
            return 0, exc.format_message(), sys.stdout
        return 2, f"qa: error: {exc.format_message()}", sys.stderr
    except (typer.Abort, KeyboardInterrupt):
        return 130, "qa: interrupted", sys.stderr
    except OSError as exc:  # the machine, not the input or the code: full disk, unreadable output
        if isinstance(exc, BrokenPipeError):
            raise
        return 2, f"qa: error: {exc.strerror or exc}", sys.stderr
    return (code if isinstance(code, int) else 0), None, None
