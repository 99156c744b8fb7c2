# --8<-- [start:environment]
export DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS="www.example.com"
export DJANGO_HTTPS=1
# --8<-- [end:environment]
# --8<-- [start:check]
python manage.py check --deploy
# --8<-- [end:check]
# --8<-- [start:collectstatic]
python manage.py collectstatic --noinput
# --8<-- [end:collectstatic]
# --8<-- [start:serve]
gunicorn --workers 4 mysite.wsgi
# --8<-- [end:serve]
