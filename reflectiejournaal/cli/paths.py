"""Where the command line finds the vault, the cache, this device's state and the user's sets."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reflectiejournaal"


def default_vault() -> Path:
    configured = os.environ.get("REFLECTIEJOURNAAL_VAULT")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "kluis"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def state_dir() -> Path:
    """What this device remembers of each vault (kept, unlike the cache: see vault/seen.py)."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))
