# --8<-- [start:install]
python3 -m venv .venv
. .venv/bin/activate
pip install django
# --8<-- [end:install]
# --8<-- [start:startproject]
django-admin startproject mysite
cd mysite
python manage.py startapp myapp
# --8<-- [end:startproject]
# --8<-- [start:migrate]
python manage.py makemigrations myapp
python manage.py migrate
python manage.py createsuperuser
# --8<-- [end:migrate]
# --8<-- [start:runserver]
python manage.py runserver
# --8<-- [end:runserver]
