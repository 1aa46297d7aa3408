"""The ``budgetkg`` command: thin dispatch to one module per sub-command.

Exit codes (every sub-command): 0 success; 1 the work ran and found problems (bad filings,
SHACL violations); 2 the work could not run (usage, configuration, unreadable store).
Expected errors print one line on stderr; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Protocol, cast

from budgetkg import __version__
from budgetkg.errors import BudgetkgError
from budgetkg.settings import Settings, load_settings

#: sub-command name → module under budgetkg.commands
COMMANDS = ("parse", "build", "validate", "dump", "lineage", "query", "serve")

EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


class CommandModule(Protocol):
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, settings: Settings) -> int: ...


def _command(name: str) -> CommandModule:
    return cast(CommandModule, import_module(f"budgetkg.commands.{name}"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budgetkg", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"budgetkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        module = _command(name)
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        return _command(args.command).run(args, settings)
    except BudgetkgError as error:
        print(f"budgetkg {args.command}: {error}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`budgetkg dump | head`): not an error of ours, and nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
