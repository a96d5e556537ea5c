"""The writer's guided steps: one prompt at a time, an overview of them, the whole entry."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..locale import current_language, t
from ..supervision.intentions import REVIEW_HEADINGS, review_section
from ..prompts import Prompt, compose_body

REVIEW_PROMPT = "terugblik-voornemen"  # the look back on an intention, as a step


class GuidedSteps:
    """Part of :class:`WriteScreen` (Textual's ``@on`` handlers stay on the screen itself)."""

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        own = self.prompt_set.prompts if self.prompt_set else ()
        if self.intention is None:
            return own
        review = Prompt(REVIEW_PROMPT, REVIEW_HEADINGS[current_language()],
                        t("write.intention_question"), self.intention.text, optional=True)
        return (review, *own)

    def show_prompt(self) -> None:
        step = min(max(self.draft.step, 0), len(self.prompts) - 1)
        self.draft.step = step
        prompt = self.prompts[step]
        progress = t("write.progress", number=step + 1, total=len(self.prompts))
        self.query_one("#progress", Static).update(progress)
        self.query_one("#progress-line", Static).update(f"{progress} · {prompt.title}")
        question = prompt.question + (f"  {t('write.optional')}" if prompt.optional else "")
        self.query_one("#question", Static).update(question)
        self.query_one("#help", Static).update(prompt.help)
        self.query_one("#skip", Button).disabled = not prompt.optional
        self.query_one("#previous", Button).disabled = step == 0
        answer = self.query_one("#answer", TextArea)
        answer.load_text(self.draft.answers.get(prompt.id, ""))
        answer.move_cursor(answer.document.end)
        answer.focus()
        self.refresh_overview()
        self.refresh_bindings()

    def refresh_overview(self) -> None:
        options = self.query_one("#prompts", OptionList)
        options.clear_options()
        for index, prompt in enumerate(self.prompts):
            if self.draft.answers.get(prompt.id, "").strip():
                mark = t("write.answered")
            elif prompt.id in self.draft.skipped:
                mark = t("write.skipped")
            else:
                mark = t("write.unanswered")
            options.add_option(Option(Text(f"{mark} {prompt.title}"), id=str(index)))
        options.highlighted = self.draft.step

    def keep_answer(self) -> None:
        if self.draft.stage == "guided" and self.prompts:
            prompt = self.prompts[self.draft.step]
            self.draft.answers[prompt.id] = self.query_one("#answer", TextArea).text

    def go_to(self, step: int) -> None:
        self.keep_answer()
        self.draft.step = step
        self.show_prompt()  # the editor now holds the new prompt's answer…
        self.save_draft_soon()  # …so saving reads back exactly what the draft holds

    def next_step(self) -> None:
        if self.draft.stage != "guided":
            return
        if self.draft.step + 1 >= len(self.prompts):
            self.review_stage()
        else:
            self.go_to(self.draft.step + 1)

    def previous_step(self) -> None:
        if self.draft.stage == "guided":
            if self.draft.step > 0:
                self.go_to(self.draft.step - 1)
        elif self.can_go_back_to_questions:
            self.back_to_questions()

    def back_to_questions(self) -> None:
        """From the whole entry back to the questions; asked first when the whole text was
        changed (the answers are what the questions show)."""
        from ..widgets.confirm import ConfirmDialog

        def back(yes: bool | None) -> None:
            if yes:
                self.draft.stage = "guided"
                self.draft.step = len(self.prompts) - 1
                self.draft.body = ""
                self.show_stage()
                self.save_draft_soon()

        edited = self.query_one("#body", TextArea).text.strip() != self.composed_body().strip()
        if edited:
            self.app.push_screen(ConfirmDialog(t("write.confirm_back"),
                                               yes=t("write.confirm_back.yes")), back)
        else:
            back(True)

    def skip_step(self) -> None:
        if self.draft.stage != "guided":
            return
        prompt = self.prompts[self.draft.step]
        if not prompt.optional:  # say why, rather than do nothing
            self.notify(t("write.not_optional", set=self.prompt_set.title if self.prompt_set
                          else ""), timeout=10)
            return
        self.query_one("#answer", TextArea).load_text("")
        if prompt.id not in self.draft.skipped:
            self.draft.skipped.append(prompt.id)
        self.next_step()

    def review_stage(self) -> None:
        """From the prompts to the whole entry, composed with a heading per answer."""
        if self.draft.stage != "guided":
            return
        self.to_whole_entry()
        self.save_draft_soon()

    def to_whole_entry(self) -> None:
        self.keep_answer()
        self.draft.body = self.composed_body()
        self.draft.stage = "edit"
        self.show_stage()

    def composed_body(self) -> str:
        """The answers as one entry, a heading per answer."""
        body = compose_body(self.prompt_set, self.draft.answers)  # type: ignore[arg-type]
        review = self.draft.answers.get(REVIEW_PROMPT, "").strip()
        if self.intention is not None and review:
            body = review_section(self.intention.text, review, current_language()) + "\n" + body
        if self.gathered is not None:
            body = body + "\n" + self.gathered.links_section()
        return body
