import shutil
from pathlib import Path

import pytest

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
