"""The command line's wiring is a table: every command the parser knows has its handler, and
no handler waits for a command that is gone."""

from __future__ import annotations

import argparse

from reflectiejournaal.cli import main


def test_every_command_has_its_handler_and_every_handler_its_command():
    parser = main.build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == set(main.HANDLERS)
    assert all(callable(handler) for handler in main.HANDLERS.values())
    assert len(main.HANDLERS) == sum(len(group.COMMANDS) for group in main.GROUPS), "a name twice"
