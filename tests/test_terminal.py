"""The installed `tearsheet` in a real terminal (tmux): opens on the seeds, moves, searches, opens a hit, quits clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("tearsheet")
pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not SCRIPT.exists(), reason="needs tmux and an installed tearsheet"
)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _wait_for(session: str, needle: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; the screen was:\n{screen}")


def test_reader_in_a_real_terminal(tmp_path: Path) -> None:
    session = f"tearsheet-test-{uuid.uuid4().hex[:8]}"
    env_db = tmp_path / "reader.db"
    _tmux("new-session", "-d", "-x", "120", "-y", "35", "-s", session, "bash --norc --noprofile")
    try:
        _tmux("send-keys", "-t", session,
              f"PS1='$ ' TEARSHEET_DB={env_db} {SCRIPT}; echo TEARSHEET-EXIT=$?", "Enter")
        screen = _wait_for(session, "5 documents")
        assert "Moscow and Kiev exchange remains" in screen and "Over 107,000 Russian soldiers" in screen
        _tmux("send-keys", "-t", session, "j")
        _tmux("send-keys", "-t", session, "/")
        _wait_for(session, "Search every paragraph")
        _tmux("send-keys", "-t", session, "-l", "Istanbul")
        screen = _wait_for(session, "paragraphs")
        assert "4 paragraphs" in screen
        _tmux("send-keys", "-t", session, "Enter")
        screen = _wait_for(session, "Prev/next article")
        assert "n/N" in screen
        screen = _wait_for(session, "talks in Istanbul on May 15")
        _tmux("send-keys", "-t", session, "j")
        _tmux("send-keys", "-t", session, "q")
        screen = _wait_for(session, "TEARSHEET-EXIT=0")
        assert "Prev/next article" not in screen, "the app's screen was left behind"
        assert env_db.exists()

        # Again on the same file, which now holds documents: the store opens after the first paint and the
        # reader comes back to the article it was left on.
        _tmux("send-keys", "-t", session, "clear", "Enter")
        _tmux("send-keys", "-t", session, f"TEARSHEET_DB={env_db} {SCRIPT}; echo TEARSHEET-AGAIN=$?", "Enter")
        _wait_for(session, "tearsheet — Over 107,000 Russian soldiers")
        # The footer follows the article's keys a frame after the screen itself.
        _wait_for(session, "Prev/next article")
        _tmux("send-keys", "-t", session, "escape")
        screen = _wait_for(session, "5 documents")
        _tmux("send-keys", "-t", session, "q")
        _wait_for(session, "TEARSHEET-AGAIN=0")
    finally:
        _tmux("kill-session", "-t", session)
