"""Fixtures for the example tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Django's default hasher is slow on purpose; tests need no brute-force protection.

    The Django docs suggest this for test settings. Subprocess tests (manage.py,
    gunicorn) still use the project's real hashers.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
