"""Prompt sets (vragensets): TOML data files, validated on load.

The shipped sets live beside this file, a folder per language (``nl/``, ``en/``) with the same
set and prompt ids in each, so balance and themes count the same aspect whatever language an
entry was written in; a user's own sets in ``<config dir>/vragensets/``. A malformed set never
stops the app: it is left out and reported with file, line and field.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import KINDS

SHIPPED_ROOT = Path(__file__).parent
LANGUAGES = ("nl", "en")
SHIPPED = SHIPPED_ROOT / "nl"  # the sets of the product's first language
ROLES = ("kennismaking", "klik", "tussenevaluatie", "eindevaluatie", "regulier")
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


@dataclass(frozen=True)
class Prompt:
    id: str
    title: str
    question: str
    help: str = ""
    optional: bool = False
    label: str = ""  # a short name where the title does not fit, as under a chart's bar
    # The title in every language it is shipped in: an entry's headings are matched on these,
    # so an answer written under the English title counts in the Dutch app, and back.
    titles: frozenset[str] = frozenset()

    @property
    def short(self) -> str:
        return self.label or self.title

    def answer_in(self, found: dict[str, str]) -> str:
        """The answer under this prompt's heading among an entry's ``sections``."""
        return next((found[title] for title in (self.title, *sorted(self.titles))
                     if found.get(title, "").strip()), "")


@dataclass(frozen=True)
class PromptSet:
    id: str
    title: str
    description: str
    source: str
    kinds: tuple[str, ...]
    prompts: tuple[Prompt, ...]
    roles: tuple[str, ...] = ()
    default_for: tuple[str, ...] = ()  # kinds for which this set is proposed first
    intention: str | None = None  # the prompt whose answer is a voornemen / experiment
    path: Path | None = None


@dataclass(frozen=True)
class PromptSetProblem:
    """Why a file was left out: enough for the user to find and fix it."""

    path: Path
    line: int | None
    field: str | None
    problem: str  # a code; the message catalogue has its words (``prompts.problem.*``)
    detail: str = ""


@dataclass
class PromptLibrary:
    sets: dict[str, PromptSet] = field(default_factory=dict)
    problems: list[PromptSetProblem] = field(default_factory=list)

    def for_kind(self, kind: str, role: str | None = None) -> list[PromptSet]:
        """Sets that suit ``kind``, best first: the role's own, then the kind's default."""
        suitable = [s for s in self.sets.values() if kind in s.kinds]

        def rank(s: PromptSet) -> tuple[int, int, str]:
            return (role is None or role not in s.roles, kind not in s.default_for, s.title)

        return sorted(suitable, key=rank)

    def propose(self, kind: str, role: str | None = None) -> PromptSet | None:
        found = self.for_kind(kind, role)
        return found[0] if found else None


class _Invalid(Exception):
    def __init__(self, field: str | None, problem: str, detail: str = "") -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem
        self.detail = detail


def load_library(user_dir: Path | None = None, language: str = "nl") -> PromptLibrary:
    """The shipped sets in ``language`` (a set shipped in another language only is taken as
    it is), then the user's (a user's set may replace a shipped one by id)."""
    library = PromptLibrary()
    shipped: dict[str, list[PromptSet]] = {}
    for code in sorted(LANGUAGES, key=lambda code: code != language):  # ``language`` first
        for path in sorted((SHIPPED_ROOT / code).glob("*.toml")):
            loaded = load_file(path)
            if isinstance(loaded, PromptSetProblem):
                library.problems.append(loaded)
            else:
                shipped.setdefault(loaded.id, []).append(loaded)
    for set_id, versions in shipped.items():
        library.sets[set_id] = _with_every_title(versions[0], versions)
    if user_dir and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            loaded = load_file(path)
            if isinstance(loaded, PromptSetProblem):
                library.problems.append(loaded)
            else:
                shipped_versions = shipped.get(loaded.id, [])
                library.sets[loaded.id] = _with_every_title(loaded, [loaded, *shipped_versions])
    return library


def _with_every_title(prompt_set: PromptSet, versions: list[PromptSet]) -> PromptSet:
    """``prompt_set`` whose prompts know their titles in every version (language)."""
    titles: dict[str, set[str]] = {}
    for version in versions:
        for prompt in version.prompts:
            titles.setdefault(prompt.id, set()).add(prompt.title)
    prompts = tuple(replace(p, titles=frozenset(titles[p.id])) for p in prompt_set.prompts)
    return replace(prompt_set, prompts=prompts)


MAX_SET_BYTES = 1 << 20  # a prompt set is a few KB; a bigger file is no prompt set


def _read_small_file(path: Path) -> str:
    """The text of a regular file of at most :data:`MAX_SET_BYTES`: a FIFO named ``*.toml`` is
    never waited on, a huge file never read whole."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SET_BYTES:
            raise OSError("not a prompt set file")
        return file.read(MAX_SET_BYTES + 1).decode("utf-8")


def load_file(path: Path) -> PromptSet | PromptSetProblem:
    try:
        text = _read_small_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        return PromptSetProblem(path, None, None, "unreadable", type(exc).__name__)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        return PromptSetProblem(path, int(match.group(1)) if match else None, None, "toml",
                                str(exc))
    except RecursionError:  # tables nested thousands deep: no prompt set, and no crash
        return PromptSetProblem(path, None, None, "toml", "nested too deep")
    try:
        return _build(data, path)
    except _Invalid as invalid:
        return PromptSetProblem(path, _line_of(text, invalid.field), invalid.field,
                                invalid.problem, invalid.detail)


def _build(data: dict, path: Path) -> PromptSet:
    set_id = _text(data, "id")
    if not _ID.fullmatch(set_id):
        raise _Invalid("id", "bad_id")
    kinds = _names(data, "kinds", KINDS, required=True)
    raw_prompts = data.get("prompts")
    if not isinstance(raw_prompts, list) or not raw_prompts:
        raise _Invalid("prompts", "no_prompts")
    prompts = []
    for index, raw in enumerate(raw_prompts, start=1):
        where = f"prompts[{index}]"
        if not isinstance(raw, dict):
            raise _Invalid(where, "not_table")
        prompt = Prompt(
            id=_text(raw, "id", where),
            title=_text(raw, "title", where),
            question=_text(raw, "question", where),
            help=_text(raw, "help", where, required=False),
            optional=_flag(raw, "optional", where),
            label=_text(raw, "label", where, required=False),
        )
        if prompt.id in {p.id for p in prompts}:
            raise _Invalid(f"{where}.id", "duplicate_id", prompt.id)
        prompts.append(prompt)
    intention = _text(data, "intention", required=False) or None
    if intention is not None and intention not in {p.id for p in prompts}:
        raise _Invalid("intention", "unknown_prompt", intention)
    return PromptSet(
        id=set_id,
        title=_text(data, "title"),
        description=_text(data, "description", required=False),
        source=_text(data, "source"),
        kinds=kinds,
        prompts=tuple(prompts),
        roles=_names(data, "roles", ROLES),
        default_for=_names(data, "default_for", KINDS),
        intention=intention,
        path=path,
    )


def _text(data: dict, key: str, where: str = "", required: bool = True) -> str:
    name = f"{where}.{key}" if where else key
    value = data.get(key)
    if value is None:
        if required:
            raise _Invalid(name, "missing")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _Invalid(name, "not_text")
    return value.strip()


def _flag(data: dict, key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _Invalid(f"{where}.{key}", "not_bool")
    return value


def _names(data: dict, key: str, allowed: Iterable[str], required: bool = False) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(key, "not_list")
    if required and not value:
        raise _Invalid(key, "missing")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise _Invalid(key, "unknown_names", f"{', '.join(unknown)} ∉ {', '.join(allowed)}")
    return tuple(value)


def _line_of(text: str, field_name: str | None) -> int | None:
    """The line where ``field_name`` (``key`` or ``prompts[3].key``) is, or its table starts.

    tomllib keeps no positions, so the source is scanned: good enough to point at the spot.
    """
    if not field_name:
        return None
    lines = text.splitlines()
    match = re.fullmatch(r"prompts\[(\d+)\](?:\.(\w+))?", field_name)
    if not match:
        key = field_name
        end = next((i for i, l in enumerate(lines) if l.strip().startswith("[")), len(lines))
        span = range(0, end)
    else:
        starts = [i for i, l in enumerate(lines) if l.strip() == "[[prompts]]"]
        number = int(match.group(1))
        if number > len(starts):
            return None
        begin = starts[number - 1]
        end = starts[number] if number < len(starts) else len(lines)
        key = match.group(2)
        if key is None:
            return begin + 1
        span = range(begin, end)
    for i in span:
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[i]):
            return i + 1
    return (span.start + 1) if match else None


def compose_body(prompt_set: PromptSet, answers: dict[str, str]) -> str:
    """One Markdown entry: a heading per answered prompt, in the set's order."""
    parts = []
    for prompt in prompt_set.prompts:
        answer = answers.get(prompt.id, "").strip()
        if answer:
            parts.append(f"## {prompt.title}\n\n{answer}\n")
    return "\n".join(parts)


def answered(prompt_set: PromptSet, answers: dict[str, str]) -> list[str]:
    """Ids of the prompts that really have an answer (not merely offered)."""
    return [p.id for p in prompt_set.prompts if answers.get(p.id, "").strip()]
