# --8<-- [start:install]
python3 -m venv .venv
. .venv/bin/activate
pip install "fastapi[standard]"
# --8<-- [end:install]
# --8<-- [start:run]
fastapi dev main.py
# --8<-- [end:run]
