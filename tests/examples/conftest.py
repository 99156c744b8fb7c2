"""The sample tests run once per combination of tox.ini: Python, Django and Flask.

Every test's id ends with its combination, such as
`[py3.13-django6.1.3-flask3.1.3]`, so a report names what ran each test.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

COMBINATION = "py{}.{}-django{}-flask{}".format(
    *sys.version_info[:2], version("django"), version("flask")
)


def pytest_report_header() -> str:
    return f"combination: {COMBINATION}"


@pytest.fixture(autouse=True, scope="session")
def combination() -> str:
    """Every test uses it; pytest_generate_tests puts its value into the test id."""
    return COMBINATION


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Django's unittest-style TestCase classes take no parameters; their report
    # line sits under the header above.
    metafunc.parametrize("combination", [COMBINATION], ids=[COMBINATION], scope="session")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Django's default hasher is slow on purpose; tests need no brute-force protection.

    The Django docs suggest this for test settings. Subprocess tests (manage.py,
    gunicorn) still use the project's real hashers.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
