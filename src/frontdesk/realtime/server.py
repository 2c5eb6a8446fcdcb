"""Wiring realtime into the app: the hub and broker, the DDP websocket routes, and the streams' subscription
to the event bus."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.routing import WebSocketRoute

from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.events.bus import EventBus
from frontdesk.rate_windows import Windows
from frontdesk.realtime.broker import make_broker
from frontdesk.realtime.ddp import Realtime, websocket_endpoint
from frontdesk.realtime.hub import Hub
from frontdesk.realtime.stream_feed import StreamFeed


class RealtimeService(Realtime):
    @asynccontextmanager
    async def running(self, bus: EventBus) -> AsyncIterator[None]:
        """Start the broker for the app's lifetime; committed events reach the streams meanwhile."""
        await self.broker.start()
        feed = StreamFeed(self.broker)
        bus.subscribe(feed)
        try:
            yield
        finally:
            bus.unsubscribe(feed)
            await self.broker.stop()


def setup(app: FastAPI, settings: Settings, db: Database, clock: Clock, windows: Windows) -> RealtimeService:
    hub = Hub()
    broker = make_broker(hub, settings.REDIS_URL)
    service = RealtimeService(db=db, hub=hub, broker=broker, clock=clock, windows=windows, state=app.state)
    app.state.realtime = service
    # `/websocket` is what clients use; SockJS's `/sockjs/<server>/<session>/websocket` is the same socket.
    app.router.routes.append(WebSocketRoute("/websocket", websocket_endpoint))
    app.router.routes.append(WebSocketRoute("/sockjs/{server}/{session}/websocket", websocket_endpoint))
    return service
