# --8<-- [start:tests]
from django.test import TestCase

from .models import Book


class BookListTests(TestCase):  # each test runs in a transaction that is rolled back
    def test_new_books_are_listed(self):
        response = self.client.post("/catalog/books", {"title": "Piranesi", "year": "2020"})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(self.client.get("/catalog/books").json(), ["Piranesi"])

    def test_old_books_are_filtered_out(self):
        Book.objects.create(title="Dune", year=1965)
        self.assertEqual(self.client.get("/catalog/books").json(), [])


# --8<-- [end:tests]
