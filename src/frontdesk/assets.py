"""Where the files the server sends as they are live: the built front end and the widget's sound.

src/frontdesk/static/ is built by scripts/build_static.py (`make`, the wheel build, the Containerfile) and is
git-ignored; sounds/ is committed. Both are package data, so an installed wheel serves them from anywhere.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
STATIC = PACKAGE / "static"
WIDGET_DIR = STATIC / "livechat"  # npm @rocket.chat/livechat's build/
SWAGGER_UI_DIR = STATIC / "swagger-ui"  # npm swagger-ui-dist
DESK_DIR = STATIC / "desk"  # web/'s build
SOUNDS_DIR = PACKAGE / "sounds"
