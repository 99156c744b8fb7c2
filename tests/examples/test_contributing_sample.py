"""CONTRIBUTING.md's worked sample: its Flask app answers as its documented test says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import contributing_blocks


def test_the_flask_sample_answers_as_its_test_says(tmp_path: Path) -> None:
    blocks = contributing_blocks()
    app = tmp_path / "examples" / "flask" / "hello.py"
    app.parent.mkdir(parents=True)
    for package in (tmp_path / "examples", app.parent):
        (package / "__init__.py").touch()
    app.write_text(blocks["examples/flask/hello.py"], encoding="utf-8")
    test_code = blocks["tests/examples/test_hello.py"]
    result = subprocess.run(
        [sys.executable, "-c", f"{test_code}\ntest_flask_says_hello()\nprint('ok')"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
