"""The user's settings, stored encrypted in the vault like everything else (so they sync)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

DEFAULT_IDLE_MINUTES = 10
LANGUAGES = ("nl", "en")  # those with a catalogue (locale/); the settings only name them


@dataclass
class Settings:
    idle_minutes: int = DEFAULT_IDLE_MINUTES  # 0: never lock automatically
    theme: str = "textual-dark"
    language: str | None = None  # "nl" or "en"; None: the language of the computer

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self)).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Settings:
        raw = json.loads(data.decode("utf-8"))
        settings = cls()
        if isinstance(raw.get("idle_minutes"), int) and 0 <= raw["idle_minutes"] <= 24 * 60:
            settings.idle_minutes = raw["idle_minutes"]
        if isinstance(raw.get("theme"), str):
            settings.theme = raw["theme"]
        if raw.get("language") in LANGUAGES:
            settings.language = raw["language"]
        return settings
