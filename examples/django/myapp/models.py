# --8<-- [start:model]
from django.db import models


class MyModel(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


# --8<-- [end:model]
