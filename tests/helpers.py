"""Shared by the tests: a strict jupyter-book build."""

import os
import subprocess
import sys
from pathlib import Path


def jupyter_book_build(source: Path, output: Path, *extra: str, language: str | None = None
                       ) -> subprocess.CompletedProcess:
    """Run ``jupyter-book build -W -n --keep-going`` into ``output``; returns the completed process. ``language``
    is the kernels' KAZSPACE_LANGUAGE (code outputs in that language), as ``make book-kk`` sets it."""
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(output),
               "-W", "-n", "--keep-going", *extra]
    env = {**os.environ, "KAZSPACE_LANGUAGE": language} if language else None
    return subprocess.run(command, capture_output=True, text=True, timeout=1200, env=env)


def link_editions(site: Path, english_html: Path, kazakh_html: Path) -> Path:
    """Lay two built editions out as they are published and as the language switch expects (kazspace.translation
    HTML_ROOTS): ``site/html`` and ``site/kk/html``, as symbolic links. Returns ``site``."""
    for link, target in ((site / "html", english_html), (site / "kk" / "html", kazakh_html)):
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    return site
