# --8<-- [start:migrations]
python manage.py makemigrations catalog
python manage.py migrate
# --8<-- [end:migrations]
