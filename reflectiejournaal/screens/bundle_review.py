"""The bundle screen's review step: every finding by person or detail, decided one by one,
per person or per kind, before anything is written."""

from __future__ import annotations


from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import (
    Markdown, Static, Tree,
)
from textual.widgets.tree import TreeNode

from ..bundle.markdown import to_markdown
from ..locale import describe_part, t, tn
from ..model import body_of

PREVIEW_CHARS = 12_000
DECISION_STYLE = {"open": "bold yellow", "replaced": "green", "kept": "red", "mixed": "yellow"}


class FindingsReview:
    """Part of :class:`BundleScreen` (its ``@on`` handlers stay on the screen itself)."""

    def _fill_tree(self) -> None:
        review = self.review
        assert review is not None
        tree = self.query_one("#findings", Tree)
        tree.clear()
        for key in review.entities:
            node = tree.root.add("", data=("entity", key), expand=False)
            for part, index, _ in review.of_entity(key):
                node.add_leaf("", data=("finding", part, index))
        tree.cursor_line = 0  # on the first person, so v and l work at once

    def _show_review_step(self) -> None:
        title = self.query_one("#review-title")
        if not (self.bring_review_up and title.virtual_region.height):
            return
        scroll = self.query_one("#bundle", VerticalScroll)
        # force: the scroll bar this new height calls for is not there yet, and without one
        # Textual holds the area still.
        scroll.scroll_to_widget(title, top=True, animate=False, force=True, immediate=True)

    def show_review(self) -> None:
        review = self.review
        if review is None:
            return
        titles = {e.id: e.title for e in self.entries}
        for node in self.query_one("#findings", Tree).root.children:
            node.set_label(self._entity_label(node.data[1]))
            for child in node.children:
                child.set_label(self._finding_label(child.data[1], child.data[2], titles))
        self.query_one("#review-title", Static).update(t(
            "bundle.review_title", findings=tn("count.findings", review.total),
            entities=tn("count.entities", len(review.entities)),
            open=review.open, replaced=review.replaced))
        assert self.scanned is not None
        # The preview shows what the supervisor reads: the bundle without its front matter,
        # its beginning only when it is long (rendering 100 KB would cost every key a second).
        preview = body_of(to_markdown(self.entries, review, self.scanned))
        if len(preview) > PREVIEW_CHARS:
            cut = preview.rfind("\n\n", 0, PREVIEW_CHARS)
            preview = preview[:cut if cut > 0 else PREVIEW_CHARS] + "\n\n" + t("bundle.preview_cut")
        self.query_one("#preview", Markdown).update(preview)

    def _entity_label(self, key: str) -> Text:
        """``vervangen  Noor Bakker → Cliënt A  naam van je lijst · zekerheid hoog · 3×``: the
        decision first, so a narrow terminal cuts the details, never the choice."""
        review = self.review
        assert review is not None
        entity = review.entities[key]
        state = review.state(key)
        label = Text(f"{t(f'bundle.decision.{state}'):<11} ", style=DECISION_STYLE[state])
        label.append(entity.label, style="bold")
        label.append(" → ")
        label.append(review.replacement(key), style="bold")
        label.append(t("bundle.entity_detail", kind=t(f"finding.{entity.kind}"),
                       confidence=t(f"confidence.{entity.confidence}"),
                       count=len(review.of_entity(key))), style="dim")
        return label

    def _finding_label(self, part: str, index: int, titles: dict[str, str]) -> Text:
        review = self.review
        assert review is not None
        finding = review.findings[part][index]
        state = review.decision(part, index)
        before, match, after = finding.context(review.texts[part], width=24)
        label = Text(f"{t(f'bundle.decision.{state}'):<11} ", style=DECISION_STYLE[state])
        label.append(f"…{before}", style="dim")
        label.append(match, style="bold reverse")
        label.append(f"{after}… ({describe_part(part, titles)})", style="dim")
        return label

    def _cursor(self) -> tuple | None:
        node: TreeNode | None = self.query_one("#findings", Tree).cursor_node
        return node.data if node is not None and node.data else None

    def action_decide(self, replace: bool, whole_kind: bool) -> None:
        review, data = self.review, self._cursor()
        if review is None or data is None:
            return
        entity = data[1] if data[0] == "entity" else review.findings[data[1]][data[2]].entity
        if whole_kind:
            review.decide_all(review.entities[entity].kind, replace)
        elif data[0] == "entity":
            review.decide_entity(entity, replace)
        else:
            review.decide(data[1], data[2], replace)
        self.show_review()

    def action_other_replacement(self) -> None:
        review, data = self.review, self._cursor()
        if review is None or data is None:
            return
        review.next_replacement(data[1] if data[0] == "entity" else review.findings[data[1]][data[2]].entity)
        self.show_review()
