"""GET /: the agent desk (api/desk.py) when it is built; else a page for people who open the server in a
browser, linking what there is to see."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from frontdesk import __version__
from frontdesk.api.desk import desk_page

router = APIRouter(include_in_schema=False)

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1f2329}
h1{font-size:1.6rem;margin-bottom:.2rem} .muted{color:#6c727a} a{color:#1d74f5}
li{margin:.4rem 0} code{background:#f2f3f5;padding:.1rem .3rem;border-radius:3px}
"""


def landing_page(request: Request) -> Response:
    """The links page; the desk (when built) takes `/` over and this stays the fallback."""
    settings = request.app.state.settings
    metrics = (
        '<li><a href="/metrics">Prometheus metrics</a></li>'
        if settings.METRICS_PORT is None
        else f"<li>Prometheus metrics: port {settings.METRICS_PORT}, <code>/metrics</code></li>"
    )
    root = escape(str(settings.ROOT_URL).rstrip("/"), quote=True)
    html = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk</title><style>{_STYLE}</style></head>
<body>
<h1>Frontdesk</h1>
<p class="muted">A livechat server speaking Rocket.Chat's Livechat API · version {escape(__version__)}</p>
<ul>
<li><a href="/livechat?mode=popout">The visitor widget</a>: start a chat as a visitor would.</li>
<li>The agent desk is served here once it is built from <code>web/</code> (<code>make static</code>).</li>
<li><a href="/api/docs">API documentation</a> (Swagger UI): log in, authorize, try every call.</li>
<li><a href="/api/info">/api/info</a> · <a href="/livez">/livez</a> · <a href="/readyz">/readyz</a></li>
{metrics}
</ul>
<p>To put the widget on a website, paste Rocket.Chat's livechat snippet with
<code>RocketChat.url = '{root}/livechat'</code>.</p>
</body></html>
"""
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})


@router.get("/")
async def home(request: Request) -> Response:
    """The agent desk when it is built (its login screen until one logs in), else the links page."""
    return desk_page(request) or landing_page(request)
