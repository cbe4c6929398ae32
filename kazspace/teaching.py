"""What teachers need, read from the lessons themselves so it cannot drift: level, time, objectives,
and launch links (Binder, or a school's JupyterHub through nbgitpuller) for every lesson and exercise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Lesson:
    path: str                 # relative to the repository, e.g. "lessons/cosmonauts.md"
    label: str
    title: str
    level: str = ""
    time: str = ""
    prerequisites: str = ""
    objectives: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        """Total minutes named in the 'Time' line (reading plus exercises)."""
        return sum(int(n) for n in re.findall(r"(\d+)\s*minutes?", self.time))


def _bullets(block: str) -> list[str]:
    """Bullet items of a Markdown block, with wrapped lines joined."""
    items: list[str] = []
    for line in block.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
    return items


def _glance(text: str, name: str) -> str:
    match = re.search(rf"^- \*\*{name}:\*\* (.*(?:\n  .*)*)", text, flags=re.MULTILINE)
    return " ".join(part.strip() for part in match.group(1).splitlines()) if match else ""


def read_lesson(path: Path) -> Lesson:
    text = path.read_text(encoding="utf-8")
    resolved = path.resolve()
    relative = resolved.relative_to(REPO).as_posix() if resolved.is_relative_to(REPO) else resolved.as_posix()
    label = re.search(r"^\(([\w-]+)\)=\s*$", text, flags=re.MULTILINE)
    title = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    objectives = re.search(r"\*\*Learning objectives\.\*\*[^\n]*\n((?:- .*\n|  .*\n)+)", text)
    lesson = Lesson(
        path=relative, label=label.group(1) if label else "", title=title.group(1).strip() if title else relative,
        level=_glance(text, "Level"), time=_glance(text, "Time"), prerequisites=_glance(text, "Prerequisites"),
        objectives=_bullets(objectives.group(1)) if objectives else [])
    if any("{glue" in objective for objective in lesson.objectives):
        # A glued number cannot be shown on another page's generated text (it would render empty).
        raise ValueError(f"{relative}: a learning objective uses glue; state objectives without computed numbers")
    return lesson


def as_markdown_text(text: str) -> str:
    """Keep placeholders such as <date> visible instead of letting Markdown read them as HTML tags."""
    return text.replace("<", "&lt;")


def toc_chapters(toc_path: Path = REPO / "_toc.yml") -> list[tuple[str, list[str]]]:
    """(part caption, files) in book order."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    return [(part["caption"], [c["file"] for c in part.get("chapters", [])]) for part in toc.get("parts", [])]


def source_file(entry: str) -> str:
    for suffix in (".md", ".ipynb"):
        if (REPO / f"{entry}{suffix}").exists():
            return f"{entry}{suffix}"
    raise FileNotFoundError(f"_toc.yml lists {entry}, which has no .md or .ipynb file")


def config() -> dict:
    return yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))


def binder_url(path: str, settings: dict | None = None) -> str:
    """The mybinder.org link that opens `path` in JupyterLab."""
    settings = settings or config()
    owner_repo = settings["repository"]["url"].removeprefix("https://github.com/").strip("/")
    branch = settings["repository"].get("branch", "main")
    binderhub = settings["launch_buttons"].get("binderhub_url") or "https://mybinder.org"
    return f"{binderhub.rstrip('/')}/v2/gh/{owner_repo}/{branch}?urlpath={quote('lab/tree/' + path, safe='')}"


def nbgitpuller_url(path: str, hub_url: str, settings: dict | None = None) -> str:
    """A link that makes a school's JupyterHub pull the book's repository and open `path` in JupyterLab."""
    settings = settings or config()
    repo_url = settings["repository"]["url"]
    folder = repo_url.rstrip("/").rsplit("/", 1)[-1]
    query = urlencode({"repo": repo_url, "branch": settings["repository"].get("branch", "main"),
                       "urlpath": f"lab/tree/{folder}/{path}"})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"
