# --8<-- [start:install]
pip install gunicorn
# --8<-- [end:install]
# --8<-- [start:serve]
export FLASK_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_hex())')"
gunicorn --workers 4 'app:create_app()'
# --8<-- [end:serve]
