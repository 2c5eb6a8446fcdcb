"""What an upload may be (FileUpload_MaxFileSize, the media-type lists) and how each door refuses it:
the widget's door answers as Rocket.Chat's livechat/upload does, the agents' as rooms.media does."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from typing import Any

from frontdesk.documents import JsonObject
from frontdesk.errors import FrontdeskError, MeteorError, Refusal

# FileUpload_MaxFileSize <= 0 means "no limit" in Rocket.Chat; Frontdesk still keeps this ceiling.
CEILING = 2 << 30  # 2 GiB
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def human_size(size: int) -> str:
    """As Rocket.Chat's filesize() writes a limit: 104857600 -> "100 MB"."""
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            break
        value /= 1024
    return f"{value:.0f} {unit}" if value == int(value) else f"{value:.2f} {unit}"


def _matches(media_type: str, patterns: tuple[str, ...]) -> bool:
    major = media_type.split("/", 1)[0]
    return any(p == media_type or p == "*/*" or (p.endswith("/*") and p[:-2] == major) for p in patterns)


def _list(setting: Any) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in str(setting or "").split(",") if p.strip())


def clean_name(raw: str | None) -> str:
    """A file name safe to store and show: no directories, no control characters, at most 255 chars."""
    name = _CONTROL.sub("", (raw or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return (name or "file")[-255:] if len(name) > 255 else (name or "file")


@dataclass(frozen=True)
class UploadPolicy:
    rid: str
    max_size: int
    allowed: tuple[str, ...]  # FileUpload_MediaTypeWhiteList; empty: any
    blocked: tuple[str, ...]  # FileUpload_MediaTypeBlackList, which wins over the white list
    widget: bool  # refusals in livechat/upload's shapes (the official widget reads `reason`)

    @classmethod
    def of(cls, rid: str, values: JsonObject, *, widget: bool) -> UploadPolicy:
        limit = int(values["FileUpload_MaxFileSize"])
        return cls(
            rid,
            CEILING if limit <= 0 else min(limit, CEILING),
            _list(values["FileUpload_MediaTypeWhiteList"]),
            _list(values["FileUpload_MediaTypeBlackList"]),
            widget,
        )

    def media_type(self, declared: str | None, name: str) -> str:
        """The file's type (the sender's, or else its extension's), or the door's refusal."""
        media = (declared or "").split(";", 1)[0].strip().lower()
        if not media or media == "application/octet-stream":
            media = (mimetypes.guess_type(name)[0] or media or "application/octet-stream").lower()
        if _matches(media, self.blocked) or (self.allowed and not _matches(media, self.allowed)):
            if self.widget:
                raise Refusal("error-type-not-allowed")
            raise MeteorError("error-invalid-file-type", "File type is not accepted.")
        return media

    def too_large(self) -> FrontdeskError:
        allowed = human_size(self.max_size)
        if self.widget:  # both the 1.13 widget's `reason`/`sizeAllowed` and Rocket.Chat 7's error
            return Refusal(
                "error-size-not-allowed",
                sizeAllowed=allowed,
                error="File size exceeds the allowed limit [error-file-too-large]",
                errorType="error-file-too-large",
            )
        return MeteorError("error-file-too-large", f"File exceeds allowed size of {allowed}")


def no_file() -> FrontdeskError:
    return MeteorError("error-no-file", "No file uploaded")


def bad_field() -> FrontdeskError:
    return MeteorError("invalid-field")
