"""The teacher guide's reader of lessons, and its launch links."""

from urllib.parse import parse_qs, urlparse

import pytest

from kazspace import teaching

LESSON = """---
jupytext: {}
---

(sample-lesson)=
# A sample lesson

:::{admonition} At a glance
:class: lesson-glance
- **Level:** ages 14–18
- **Time:** 20 minutes reading, 15 minutes
  exercises
- **Prerequisites:** none
:::

**Learning objectives.** By the end of this lesson you can:
- compute a duration;
- explain why a date changes
  across time zones;

## Key points

- One.
"""

SETTINGS = {"repository": {"url": "https://github.com/example-org/space-book", "branch": "main"},
            "launch_buttons": {"binderhub_url": "https://mybinder.org"}}


def test_a_lesson_is_read_from_its_own_text(tmp_path):
    path = tmp_path / "sample.md"
    path.write_text(LESSON, encoding="utf-8")
    lesson = teaching.read_lesson(path)
    assert lesson.label == "sample-lesson"
    assert lesson.title == "A sample lesson"
    assert lesson.time == "20 minutes reading, 15 minutes exercises"
    assert lesson.minutes == 35
    assert lesson.objectives == ["compute a duration;", "explain why a date changes across time zones;"]


def test_an_objective_with_a_glued_number_is_refused(tmp_path):
    path = tmp_path / "glued.md"
    path.write_text(LESSON.replace("compute a duration;", "compute {glue:text}`x` days;"), encoding="utf-8")
    with pytest.raises(ValueError, match="glued.md: a learning objective uses glue"):
        teaching.read_lesson(path)


def test_placeholders_stay_visible_in_markdown():
    assert teaching.as_markdown_text("as of <date>") == "as of &lt;date>"


def test_binder_link_opens_the_file_in_jupyterlab():
    url = teaching.binder_url("lessons/a b.md", SETTINGS)
    assert url == "https://mybinder.org/v2/gh/example-org/space-book/main?urlpath=lab%2Ftree%2Flessons%2Fa%20b.md"


def test_nbgitpuller_link_pulls_the_repository_and_opens_the_file():
    url = urlparse(teaching.nbgitpuller_url("exercises/x.ipynb", "https://hub.school.kz/", SETTINGS))
    assert (url.scheme, url.netloc, url.path) == ("https", "hub.school.kz", "/hub/user-redirect/git-pull")
    query = parse_qs(url.query)
    assert query == {"repo": ["https://github.com/example-org/space-book"], "branch": ["main"],
                     "urlpath": ["lab/tree/space-book/exercises/x.ipynb"]}


LESSONS = [entry for _, entries in teaching.toc_chapters() for entry in entries if entry.startswith("lessons/")]


@pytest.mark.parametrize("entry", LESSONS)
def test_every_lesson_in_the_book_follows_the_template(entry):
    lesson = teaching.read_lesson(teaching.REPO / teaching.source_file(entry))
    assert lesson.label and lesson.level and lesson.prerequisites, lesson
    assert lesson.minutes > 0, f"{entry}: the At a glance box needs a time in minutes"
    assert len(lesson.objectives) >= 2, f"{entry}: needs learning objectives"
    text = (teaching.REPO / lesson.path).read_text(encoding="utf-8")
    for heading in ("## Overview", "## Prerequisites", "## Imports", "## Exercises", "## Key points",
                    "## What's next?", "## References"):
        assert f"\n{heading}\n" in text, f"{entry}: missing '{heading}'"
