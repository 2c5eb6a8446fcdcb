"""Wiring realtime into the app: the hub and broker, the DDP websocket routes, and the database publisher."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.routing import WebSocketRoute

from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.realtime.broker import make_broker
from frontdesk.realtime.ddp import Realtime, websocket_endpoint
from frontdesk.realtime.hub import Hub


class RealtimeService(Realtime):
    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Start the broker for the app's lifetime; committed transactions publish through it meanwhile."""
        await self.broker.start()
        self.db.publisher = self.broker.publish
        try:
            yield
        finally:
            self.db.publisher = None
            await self.broker.stop()


def setup(app: FastAPI, settings: Settings, db: Database, clock: Clock) -> RealtimeService:
    hub = Hub()
    service = RealtimeService(db=db, hub=hub, broker=make_broker(hub, settings.REDIS_URL), clock=clock)
    app.state.realtime = service
    # `/websocket` is what clients use; SockJS's `/sockjs/<server>/<session>/websocket` is the same socket.
    app.router.routes.append(WebSocketRoute("/websocket", websocket_endpoint))
    app.router.routes.append(WebSocketRoute("/sockjs/{server}/{session}/websocket", websocket_endpoint))
    return service
