"""A real student's path: JupyterLab, run all cells, type an answer, see the right feedback (headless Chromium).

Runs JupyterLab from this venv on 127.0.0.1 with a temp copy of exercises/ (autosave cannot touch the sources).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kazspace import checking

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="apt-get install -y chromium")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the server may not answer yet
            pass
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture
def jupyterlab(tmp_path):
    root = tmp_path / "notebooks"
    shutil.copytree(REPO / "exercises", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        (tmp_path / name).mkdir()
        env[name] = str(tmp_path / name)
    env.pop("KAZSPACE_DATA", None)
    port = free_port()
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", "--IdentityProvider.token=", "--ServerApp.password=",
         "--ServerApp.open_browser=False", "--ServerApp.disable_check_xsrf=True",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         f"--ServerApp.root_dir={root}"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get_json(f"{base}/api/status"), 60, "the JupyterLab server")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def kernel_ready(base: str) -> bool:
    sessions = get_json(f"{base}/api/sessions")
    return any(s["kernel"]["execution_state"] == "idle" and s["kernel"]["connections"] > 0 for s in sessions)


def test_cosmonauts_exercise_gives_feedback_in_jupyterlab(jupyterlab, playwright):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                         args=["--no-sandbox", "--disable-gpu", "--disable-quic"])
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        page.goto(f"{jupyterlab}/lab/tree/cosmonauts-exercises.ipynb", timeout=90_000)
        page.wait_for_selector(".jp-Notebook", timeout=90_000)
        # The execution indicator says idle before the kernel is ready: wait for the real thing.
        wait_for(lambda: kernel_ready(jupyterlab), 90, "an idle kernel with a connection")
        page.get_by_text("(ipykernel) | Idle").first.wait_for(timeout=90_000)
        page.locator(".jp-Notebook").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

        box = page.locator(".kazspace-days-answer input")
        box.wait_for(timeout=90_000)
        feedback = page.locator(".kazspace-days .kazspace-feedback")
        assert "Type your answer" in feedback.inner_text()

        box.fill("twelve")
        box.press("Enter")
        page.wait_for_selector(".kazspace-days .kazspace-feedback[data-kind='not-a-number']", timeout=30_000)

        total = checking.days_in_space("musabayev")
        box.fill(f"{int(total)} days")
        box.press("Enter")
        page.wait_for_selector(".kazspace-days .kazspace-feedback[data-kind='correct']", timeout=30_000)
        assert "Correct: Talgat Musabayev spent about" in feedback.inner_text()

        # A Dropdown: the first flight's menu, then Check.
        first = page.locator("[class*='kazspace-craft-'] select").first
        first.select_option(label=checking.spacecraft_choices()[0])
        page.locator(".kazspace-spacecraft button", has_text="Check").click()
        page.wait_for_selector(".kazspace-spacecraft .kazspace-feedback[data-kind='incomplete']", timeout=30_000)
    finally:
        browser.close()
