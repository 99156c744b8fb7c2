"""Async views: needs `pip install "flask[async]"` (it adds asgiref)."""

import asyncio

from flask import Flask

app = Flask(__name__)


# --8<-- [start:view]
async def fetch_price(item):
    await asyncio.sleep(0.1)  # stands in for an HTTP call or a database query
    return {"item": item, "price": 10}


@app.get("/prices")
async def prices():
    # Both awaits run at the same time; the view still holds one WSGI worker.
    results = await asyncio.gather(fetch_price("tea"), fetch_price("coffee"))
    return list(results)


# --8<-- [end:view]
