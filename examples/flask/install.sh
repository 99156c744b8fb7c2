# Flask extensions the side-by-side pages use, one section per page.
# --8<-- [start:async]
pip install "flask[async]"
# --8<-- [end:async]
# --8<-- [start:sqlalchemy]
pip install flask-sqlalchemy
# --8<-- [end:sqlalchemy]
# --8<-- [start:wtf]
pip install flask-wtf
# --8<-- [end:wtf]
# --8<-- [start:login]
pip install flask-login
# --8<-- [end:login]
