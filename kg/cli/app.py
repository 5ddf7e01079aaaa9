"""The ``csrkg`` command group: one entry point, commands loaded when they run, one map from errors to exit statuses.

Each command lives in a module of its own and is imported only when it is called (or listed by
``--help``), so a command pays for the libraries it uses and no others. Every error csr-kg raises
on purpose derives from :class:`kg.errors.CsrKgError` and carries its exit status; the group
turns it into a one-line message on stderr, so no command has its own error handling for them.
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
from typing import Any

import click

from kg.errors import CsrKgError

# command name -> (module under kg.cli, function name)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build"),
    "draft": ("draft", "draft_command"),
    "review": ("review", "review"),
    "coverage": ("build", "coverage"),
    "validate": ("validate", "validate"),
    "query": ("query", "query"),
    "publish": ("publish", "publish"),
    "serve": ("serve", "serve"),
    "export": ("outputs", "export"),
    "docs": ("outputs", "docs"),
    "graph": ("outputs", "graph_command"),
    "site": ("outputs", "site"),
    "table": ("tables", "table_command"),
    "panel": ("tables", "panel_command"),
    "plot": ("plot", "plot"),
}


class Failure(click.ClickException):
    """A :class:`CsrKgError` as click prints it: ``Error: <message>`` on stderr, its exit status."""

    def __init__(self, error: CsrKgError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr = COMMANDS[cmd_name]
        return getattr(importlib.import_module(f"kg.cli.{module}"), attr)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CsrKgError as exc:
            raise Failure(exc) from None


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM would end Python without unwinding; exiting instead runs the cleanups (temporary
    files of atomic writes are removed, servers closed)."""
    sys.exit(128 + signum)


@click.group(cls=LazyGroup)
@click.version_option(package_name="csr-kg")
@click.pass_context
def main(ctx: click.Context) -> None:
    """csr-kg: corporate social responsibility claims as a traceable knowledge graph.

    Exit status: 0 success, 1 violations found (validate) or a threshold missed (coverage),
    2 bad input or usage, 3 a store or endpoint failed.
    """
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        restore = previous if previous is not None else signal.SIG_DFL
        ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, restore))


def run() -> None:
    main(prog_name="csrkg")


if __name__ == "__main__":
    sys.exit(run())
