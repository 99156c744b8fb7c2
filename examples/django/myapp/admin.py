# --8<-- [start:admin]
from django.contrib import admin

from .models import MyModel

admin.site.register(MyModel)  # without this line the admin does not list MyModel
# --8<-- [end:admin]
