# --8<-- [start:install]
python3 -m venv .venv
. .venv/bin/activate
pip install flask
# --8<-- [end:install]
# --8<-- [start:run]
flask --app app run --debug
# --8<-- [end:run]
