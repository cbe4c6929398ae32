"""Shared by the tests: a strict jupyter-book build."""

import subprocess
import sys
from pathlib import Path


def jupyter_book_build(source: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run ``jupyter-book build -W -n --keep-going`` into ``output``; returns the completed process."""
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(output),
               "-W", "-n", "--keep-going", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=1200)
