import shutil
from pathlib import Path

import pytest

from helpers import jupyter_book_build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of the dataset (launches cut to 40 rows to keep validation quick), read by the loader."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    launches = (folder / "launches.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "launches.csv").write_text("".join(launches[:41]), encoding="utf-8")
    monkeypatch.setenv("KAZSPACE_DATA", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    import kazspace

    kazspace.clear_cache()
    yield folder
    kazspace.clear_cache()


@pytest.fixture(scope="session")
def student_build():
    """The student book (the default edition), built once per session from an empty cache into _build/test."""
    output = REPO / "_build" / "test"
    shutil.rmtree(output, ignore_errors=True)  # an empty cache: every notebook really executes
    result = jupyter_book_build(REPO, output)
    return result, output / "_build" / "html"


@pytest.fixture(scope="session")
def kazakh_build():
    """The Kazakh edition (student), built once per session from an empty cache into _build/test-kk, with the
    kernels in Kazakh, as `make book-kk` builds it."""
    from kazspace.translation import config_files

    output = REPO / "_build" / "test-kk"
    shutil.rmtree(output, ignore_errors=True)
    config, toc = config_files(output / "config", "kk", cache=output / "_build" / ".jupyter_cache")
    result = jupyter_book_build(REPO, output, "--config", str(config), "--toc", str(toc), language="kk")
    return result, output / "_build" / "html"


@pytest.fixture(scope="session")
def teacher_build():
    """The teacher edition, built once per session from an empty cache into _build/test-teacher."""
    from kazspace.editions import teacher_files

    output = REPO / "_build" / "test-teacher"
    shutil.rmtree(output, ignore_errors=True)
    config, toc = teacher_files(output / "config")
    result = jupyter_book_build(REPO, output, "--config", str(config), "--toc", str(toc))
    return result, output / "_build" / "html"
