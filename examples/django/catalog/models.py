# --8<-- [start:model]
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    year = models.IntegerField()

    def __str__(self):
        return self.title


# --8<-- [end:model]
