"""The user's language: message catalogues (gettext) and domain values in words.

``t("key", name=value)`` gives a message in the language in use; ``tn("key", n, ...)`` the
plural form for ``n``. See :mod:`.catalogue` for how the language is chosen.
"""

from .catalogue import (
    LANGUAGES,
    current_language,
    has,
    language_from_environment,
    remember_language,
    remembered_language,
    t,
    tn,
    use_language,
)
from .describe import (
    describe,
    describe_attention,
    describe_bucket,
    describe_meeting,
    describe_part,
    describe_period,
    describe_prompt_problem,
    describe_writing,
    item_name,
    kind_name,
    long_date,
    reason,
    role_name,
    short_date,
)

__all__ = [
    "LANGUAGES", "current_language", "describe", "describe_attention", "describe_bucket",
    "describe_meeting", "describe_part", "describe_period", "describe_prompt_problem",
    "describe_writing", "has", "item_name", "kind_name", "language_from_environment",
    "long_date", "reason", "remember_language", "remembered_language", "role_name", "short_date",
    "t", "tn",
    "use_language",
]
