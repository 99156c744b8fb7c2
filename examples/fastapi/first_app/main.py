"""The whole FastAPI app from the first-app page: one module, one route."""

# --8<-- [start:app]
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def home():
    return {"message": "Hello, World!"}


# --8<-- [end:app]
