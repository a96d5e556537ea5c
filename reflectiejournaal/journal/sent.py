"""The journal's record of bundles sent, and the supervisor's feedback on them."""

from __future__ import annotations

from dataclasses import replace

from ..errors import DamagedItem, InvalidEntry, ItemNotFound
from ..feedback import Feedback, SentBundle, SupervisorWords, words_of
from ..search import Query, fold, prepare, snippet
from .core import BUNDLE, version_read

# What importing a feedback file did.
NEW, UPDATED, SAME, OLDER = "new", "updated", "same", "older"


class SentBundles:
    """Bundles this vault made (one item each) and the feedback that came back on them."""

    def record_bundle(self, bundle: SentBundle) -> None:
        record = self._records.get(bundle.id)
        if record is not None and record.item_type != BUNDLE:
            raise InvalidEntry("id_taken")
        self._write_item(bundle.id, BUNDLE, bundle.to_bytes())

    def sent_bundles(self) -> list[SentBundle]:
        """Every bundle made, the newest first (an unreadable record is skipped: ``check``
        names it)."""
        found = []
        for item_id, record in self._records.items():
            if record.item_type == BUNDLE:
                try:
                    found.append(self._sent_bundle(item_id))
                except (ItemNotFound, DamagedItem, ValueError, TypeError, KeyError):
                    continue
        return sorted(found, key=lambda b: (b.created, b.id), reverse=True)

    def sent_bundle(self, bundle_id: str) -> SentBundle | None:
        record = self._records.get(bundle_id)
        if record is None or record.item_type != BUNDLE:
            return None
        try:
            return self._sent_bundle(bundle_id)
        except (ValueError, TypeError, KeyError) as exc:
            raise DamagedItem(bundle_id, "content") from exc

    def _sent_bundle(self, item_id: str) -> SentBundle:
        opened = self.vault.read_opened(item_id)
        bundle = SentBundle.from_bytes(opened.body)
        bundle.read_version = opened.version  # type: ignore[attr-defined]
        return bundle

    def accept_feedback(self, bundle: SentBundle, feedback: Feedback) -> str:
        """Keep ``feedback`` on ``bundle`` unless what is kept is the same file or newer.

        Returns :data:`NEW`, :data:`UPDATED`, :data:`SAME` or :data:`OLDER`; only the first two
        write. The write is versioned: feedback imported meanwhile elsewhere is not overwritten.
        """
        kept = bundle.feedback
        if kept is not None:
            if kept.nonce == feedback.nonce:
                return SAME
            if feedback.saved <= kept.saved:
                return OLDER
        updated = replace(bundle, feedback=feedback)
        self._write_item(bundle.id, BUNDLE, updated.to_bytes(), version_read(bundle))
        return NEW if kept is None else UPDATED

    def supervisor_words(self, entry_id: str | None = None) -> list[SupervisorWords]:
        """What supervisors wrote back, the newest feedback first; with ``entry_id`` only
        what belongs to that entry (its comments and passages)."""
        found = []
        for bundle in sorted(self.sent_bundles(), key=_saved, reverse=True):
            words = words_of(bundle)
            if entry_id is not None:
                words = [w for w in words if w.entry == entry_id]
            found += words
        return found

    def search_supervisor(self, text: str) -> list[tuple[SupervisorWords, str, tuple[int, int]]]:
        """The supervisor's words containing every term, each with a snippet and the match's
        span in it: kept apart from the user's own text in every result."""
        query = Query.parse(text)
        if not query:
            return []
        hits = []
        for words in self.supervisor_words():
            written = prepare(words.text)
            folded = fold(written)
            if not query.matches(folded):
                continue
            match = query.first_match(folded)
            assert match is not None
            shown, start, end = snippet(written, match, width=100, before_match=60)  # comments are short: most shown whole
            hits.append((words, shown, (start, end)))
        return hits


def _saved(bundle: SentBundle):  # type: ignore[no-untyped-def]
    return bundle.feedback.saved if bundle.feedback else bundle.created
