"""What the caption bar says at each step, in the app's language, from the catalogs.

A step's sentence is the handout's (`guide.*`) or the demo's own (`demo.*`); the words the
program shows on screen are filled in bold, as the guide prints them, and the numbers and key
names the sentence needs (the seller's hours, the trainer's key) come from the running app.
Catalog text only, built as `Content` parts: nothing in it is read as markup.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from textual.content import Content

from tui.demo.script import Segment
from tui.i18n import Translator
from tui.screenshots.sentences import Sentence
from tui.widgets.caption_bar import Caption

WORD_STYLE = "bold"


def sentence_content(t: Translator, sentence: Sentence, facts: Mapping[str, str]) -> Content:
    """The sentence with each placeholder filled: a word of the program's, or a fact."""
    parts: list[str | tuple[str, str]] = []
    for literal, field, _spec, _conversion in string.Formatter().parse(t(sentence.key)):
        if literal:
            parts.append(literal)
        if field is not None:
            word = sentence.words.get(field)
            parts.append((t(word) if word else facts[field], WORD_STYLE))
    return Content.assemble(*parts)


def step_caption(
    t: Translator, segment: Segment, index: int, facts: Mapping[str, str], status: str = ""
) -> Caption:
    """Step `index` of `segment`: where the demo is, and what the step does."""
    heading = t(
        "demo.heading",
        flow=t(f"demo.flow_{segment.flow.value}"),
        number=index + 1,
        count=len(segment.steps),
    )
    sentence = sentence_content(t, segment.steps[index].sentence, facts)
    return Caption(heading, sentence, t("demo.keys"), status)


def note_caption(t: Translator, key: str, heading: str = "") -> Caption:
    """A caption that is not a step (the end, starting again): a sentence of the demo's."""
    return Caption(heading, Content(t(key)), "", "")
