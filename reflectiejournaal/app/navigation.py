"""How the user moves through the app: actions, the doors between screens, the command
palette and the keys people may remap."""

from __future__ import annotations

import tomllib
from functools import partial
from collections.abc import Callable, Iterable

from textual.app import SystemCommand
from textual.screen import Screen

from ..drafts import Draft
from ..trajectory import Trajectory
from ..locale import t


class Navigation:
    """Part of :class:`ReflectieApp`: screens open through here (they never import each
    other), and every action is in the command palette."""

    def action_help(self) -> None:
        from ..screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_write(self, kind: str) -> None:
        """A casus or reflection is for a meeting (the next, the last); other kinds ask."""
        from ..screens.start_writing import choose_and_write, write_next

        if self.journal is None:
            return
        if kind in ("case", "reflection"):
            write_next(self, kind)
        else:
            choose_and_write(self, kind)

    def action_new_trajectory(self) -> None:
        from ..screens.trajectory_form import TrajectoryFormScreen

        self._open_when_unlocked(TrajectoryFormScreen)

    def action_entries(self) -> None:
        from ..screens.entries import EntriesScreen

        self._open_when_unlocked(EntriesScreen)

    def action_intentions(self) -> None:
        from ..screens.intentions import IntentionsScreen

        self._open_when_unlocked(IntentionsScreen)

    def action_hours(self) -> None:
        from ..screens.hours import HoursScreen

        self._open_when_unlocked(HoursScreen)

    def action_bundle(self) -> None:
        from ..screens.bundle import BundleScreen

        self._open_when_unlocked(BundleScreen)

    def action_feedback(self) -> None:
        from ..screens.feedback import FeedbackScreen

        self._open_when_unlocked(FeedbackScreen)

    def action_clients(self) -> None:
        from ..screens.clients import ClientsScreen

        self._open_when_unlocked(ClientsScreen)

    def action_search(self) -> None:
        from ..screens.search import SearchScreen

        self._open_when_unlocked(SearchScreen)

    def action_timeline(self) -> None:
        from ..screens.timeline import TimelineScreen

        self._open_when_unlocked(TimelineScreen)

    def action_review(self) -> None:
        from ..screens.review import ReviewScreen

        self._open_when_unlocked(ReviewScreen)

    def action_settings(self) -> None:
        from ..screens.settings import SettingsScreen

        self._open_when_unlocked(SettingsScreen)

    def open_entry(self, entry_id: str, instead: bool = False) -> None:
        """``instead``: in place of the current screen (the writer that saved it)."""
        from ..screens.entry import EntryScreen

        (self.switch_screen if instead else self.push_screen)(EntryScreen(entry_id))

    def write(self, draft: Draft) -> None:
        from ..screens.write import WriteScreen

        self.push_screen(WriteScreen(draft))

    def open_trajectory(self, trajectory_id: str, instead: bool = False) -> None:
        """``instead``: in place of the current screen (the form that made it)."""
        from ..screens.trajectory import TrajectoryScreen

        (self.switch_screen if instead else self.push_screen)(TrajectoryScreen(trajectory_id))

    def edit_trajectory(self, trajectory: Trajectory) -> None:
        from ..screens.trajectory_form import TrajectoryFormScreen

        self.push_screen(TrajectoryFormScreen(trajectory))

    def _open_when_unlocked(self, screen: Callable[[], Screen]) -> None:
        """Push a new ``screen()`` once the vault is open (each action imports its screen on
        first use: a fast start)."""
        if self.journal is not None:
            self.push_screen(screen())

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from ..widgets.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every command once, in Dutch. Textual's own (Quit, Keys, Theme, Screenshot …) are
        not offered: quitting and the theme are here in Dutch, and Screenshot writes the screen,
        entry text and all, as a world-readable SVG to ~/Downloads (refused above too)."""
        keys = {}  # app action → the key of the current screen that runs it
        for key, active in screen.active_bindings.items():
            keys.setdefault(active.binding.action.removeprefix("app."), key)
        commands = [("help", t("app.cmd.help"), t("app.cmd.help.help"), self.action_help)]
        if self.journal is not None:
            commands += [(action, t(f"app.cmd.{name}"), t(f"app.cmd.{name}.help"), run)
                         for action, name, run in self._journal_commands()]
        commands += [
            ("settings", t("app.cmd.theme"), t("app.cmd.theme.help"), self.action_settings),
            ("quit", t("app.cmd.quit"), t("app.cmd.quit.help"), self.action_quit),
        ]
        offered = set()
        for action, title, help_text, run in commands:
            key = keys.get(action)
            offered.add(action)
            yield SystemCommand(title, f"{help_text} · {t('app.cmd.key', key=key)}" if key
                                else help_text, run)
        # The current screen's own keys (next question, save, edit, delete …) that are not
        # one of the commands above.
        seen = {title for _, title, _, _ in commands}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not (active.enabled and binding.show and binding.description) or (
                binding.description in seen or active.node is self
                or binding.action.removeprefix("app.") in offered
            ):
                continue
            seen.add(binding.description)
            yield SystemCommand(binding.description, t("app.cmd.key", key=key),
                                partial(self._run_binding, active.node, binding.action))

    def _journal_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(action as bound to keys, catalogue name, what runs) of what needs an open vault."""
        return [
            ("write('case')", "case", lambda: self.action_write("case")),
            ("write('reflection')", "reflection", lambda: self.action_write("reflection")),
            ("write('')", "new", lambda: self.action_write("")),
            ("entries", "entries", self.action_entries),
            ("new_trajectory", "trajectory", self.action_new_trajectory),
            ("intentions", "intentions", self.action_intentions),
            ("hours", "hours", self.action_hours),
            ("bundle", "bundle", self.action_bundle),
            ("feedback", "feedback", self.action_feedback),
            ("search", "search", self.action_search),
            ("timeline", "timeline", self.action_timeline),
            ("review", "review", self.action_review),
            ("clients", "clients", self.action_clients),
            ("settings", "settings", self.action_settings),
            ("lock", "lock", self.lock),
        ]

    def _run_binding(self, node: object, action: str) -> None:
        self.call_later(self.run_action, action, node)

    def _apply_keymap(self) -> None:
        """``<config>/toetsen.toml`` maps binding ids to keys, e.g. ``lock = "ctrl+k"``."""
        if self.config_dir is None:
            return
        path = self.config_dir / "toetsen.toml"
        if not path.is_file():
            return
        try:
            keymap = tomllib.loads(path.read_text("utf-8"))
            if not all(isinstance(v, str) for v in keymap.values()):
                raise ValueError("keys must be text")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError,
                RecursionError) as exc:  # nested thousands deep: said, never a crash
            self.notify(t("app.keymap_problem", path=path, problem=exc), severity="warning",
                        markup=False)
            return
        self.set_keymap(keymap)
