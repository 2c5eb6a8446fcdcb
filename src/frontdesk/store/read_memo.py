"""What a read transaction may remember until the next commit anywhere (db/memo.py), for the services:
an answer that took several reads (who may type in a room) is then one dictionary lookup."""

from __future__ import annotations

from frontdesk.db.memo import remembered

__all__ = ["remembered"]
