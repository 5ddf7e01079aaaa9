"""Progress of long work on stderr, shown only to a person watching a terminal.

Scripts and CI read stderr too; a bar redrawn there would fill their logs, so progress is
shown only when stderr is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A function to call once per item done; it draws a bar on a terminal and does nothing otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)
