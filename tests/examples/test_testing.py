"""The testing page's tests are collected and run here, exactly as shown.

Importing them into this module makes pytest collect them (pytest-django runs the
Django TestCase); the Flask `client` fixture imported here shadows pytest-django's
`client` in this module only.
"""

from __future__ import annotations

from catalog.tests import BookListTests  # noqa: F401 - collected by pytest
from examples.flask.testing.test_books import (  # noqa: F401 - collected by pytest
    client,
    test_new_books_are_listed,
    test_old_books_are_filtered_out,
)

COVERS = ["flask/testing/test_books.py:tests", "django/catalog/tests.py:tests"]
