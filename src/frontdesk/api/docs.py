"""GET /api/docs: Swagger UI for the OpenAPI document, from files served here (no CDN: works offline).

The files are npm's swagger-ui-dist, put in src/frontdesk/static/swagger-ui/ by scripts/build_static.py.
ReDoc is not offered: one reader of the same document is enough, and Swagger UI can also send requests.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import FileResponse, HTMLResponse, Response

from frontdesk.assets import SWAGGER_UI_DIR
from frontdesk.errors import json_response

DOCS = "/api/docs"
ASSETS = f"{DOCS}/assets"
router = APIRouter(include_in_schema=False)

SWAGGER_PARAMETERS = {
    "persistAuthorization": True,  # the X-User-Id / X-Auth-Token entered under "Authorize" survive reloads
    "validatorUrl": None,  # the default asks validator.swagger.io for a badge: no outside requests
    "tryItOutEnabled": True,
    "displayRequestDuration": True,
    "docExpansion": "none",
}


@router.get(DOCS)
async def swagger_ui(request: Request) -> Response:
    if not (SWAGGER_UI_DIR / "swagger-ui-bundle.js").is_file():
        return HTMLResponse(
            "<!doctype html><title>Frontdesk API</title>"
            "<p>Swagger UI is not built: run <code>make static</code>. The OpenAPI document"
            ' is at <a href="/openapi.json">/openapi.json</a>.</p>',
            status_code=503,
        )
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url or "/openapi.json",
        title="Frontdesk API",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        swagger_ui_parameters=SWAGGER_PARAMETERS,
    )


@router.get(ASSETS + "/{name}")
async def swagger_asset(name: str) -> Response:
    target = SWAGGER_UI_DIR / name
    if "/" in name or name.startswith(".") or not target.is_file():
        return json_response({"success": False, "error": "Not found"}, 404)
    return FileResponse(target, headers={"Cache-Control": "public, max-age=86400"})
