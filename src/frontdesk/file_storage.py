"""Uploaded files' bytes on local disk, written so that no partial file is ever taken for a whole one.

A file arrives in `tmp/<id>.part`, written in large blocks from a worker thread (the event loop never
waits on the disk) and synced; only then is a row written for it, and after that row commits the file is
renamed into `files/<id[:2]>/<id>` (one atomic rename on one file system). A process killed at any point
leaves at most a `.part`: at the next start, those whose row committed are moved into place, the others
deleted (`recover`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

log = logging.getLogger("frontdesk.files")

BLOCK = 1 << 20  # bytes gathered in memory before each write: the memory an upload costs
PART = ".part"
# A staged file nobody wrote to for this long, and with no row, was left by a dead process (with several
# processes sharing the folder, a younger one may still be arriving in another).
STALE_SECONDS = 600


class TooLarge(Exception):
    """More bytes arrived than the limit allows."""


class FileStorage:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.files = root / "files"

    def staged(self, file_id: str) -> Path:
        return self.tmp / f"{file_id}{PART}"

    def path(self, file_id: str) -> Path:
        return self.files / file_id[:2] / file_id

    def writer(self, file_id: str, limit: int) -> StagedFile:
        self.tmp.mkdir(parents=True, exist_ok=True)
        return StagedFile(self.staged(file_id), limit)

    async def promote(self, file_id: str) -> None:
        """Move a whole staged file into place (after its row committed)."""
        await asyncio.to_thread(self._promote, file_id)

    def _promote(self, file_id: str) -> None:
        target = self.path(file_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(self.staged(file_id), target)
        except FileNotFoundError:
            if not target.is_file():  # (another process's recovery may have moved it first)
                raise
        _sync_dir(target.parent)

    async def discard(self, file_id: str) -> None:
        await asyncio.to_thread(_unlink, self.staged(file_id))

    async def delete(self, file_ids: Iterable[str]) -> None:
        await asyncio.to_thread(self._delete, list(file_ids))

    def _delete(self, file_ids: list[str]) -> None:
        for file_id in file_ids:
            _unlink(self.path(file_id))
            _unlink(self.staged(file_id))

    def exists(self, file_id: str) -> bool:
        return self.path(file_id).is_file()

    async def recover(self, committed: Callable[[list[str]], Awaitable[set[str]]]) -> int:
        """After a crash: staged files whose row committed go into place; stale ones without a row are
        deleted. How many were dealt with."""
        staged = await asyncio.to_thread(self._staged_ages)
        if not staged:
            return 0
        keep = await committed(list(staged))
        done = 0
        for file_id, age in staged.items():
            if file_id in keep:
                await self.promote(file_id)
            elif age > STALE_SECONDS:
                await self.discard(file_id)
            else:
                continue
            done += 1
        if done:
            log.info("upload recovery: %d staged files, %d put in place", done, len(keep))
        return done

    def _staged_ages(self) -> dict[str, float]:
        if not self.tmp.is_dir():
            return {}
        now = time.time()
        ages: dict[str, float] = {}
        for path in self.tmp.glob(f"*{PART}"):
            with contextlib.suppress(FileNotFoundError):
                ages[path.name[: -len(PART)]] = now - path.stat().st_mtime
        return ages


class StagedFile:
    """An upload being received: `write` gathers bytes, `flush` writes full blocks, `finish` syncs."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.size = 0
        self._buffer = bytearray()
        self._file = open(path, "wb")  # noqa: SIM115 (closed in finish / abort)

    def write(self, data: bytes) -> None:
        """From the parser's callback: counted at once, written by `flush`."""
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge()
        self._buffer += data

    async def flush(self, final: bool = False) -> None:
        if len(self._buffer) >= BLOCK or (final and self._buffer):
            block, self._buffer = bytes(self._buffer), bytearray()
            await asyncio.to_thread(self._file.write, block)

    async def finish(self) -> None:
        await self.flush(final=True)
        await asyncio.to_thread(self._sync_and_close)

    def _sync_and_close(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    async def abort(self) -> None:
        self._buffer = bytearray()
        await asyncio.to_thread(self._close_and_remove)

    def _close_and_remove(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        _unlink(self.path)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _sync_dir(path: Path) -> None:
    """Make a rename in the directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
