"""GET /metrics: Prometheus' text format, every worker's values added up (unless METRICS_PORT moved it)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from frontdesk.ops import metrics

router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics")
async def prometheus_metrics(request: Request) -> Response:
    sampler = getattr(request.app.state, "metrics_sampler", None)
    if sampler is not None:
        await sampler.refresh()  # this process's gauges fresh; the others' are at most seconds old
    return Response(metrics.exposition(), media_type=metrics.CONTENT_TYPE)
