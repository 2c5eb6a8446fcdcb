"""Receiving one file from a multipart/form-data body, streamed to disk in constant memory.

python-multipart parses the body as it arrives; the file part's bytes go to file_storage's staged file
(written in 1 MiB blocks from a thread), the other fields are kept if small. The file's type is judged
when its part's headers arrive, before any of its bytes are read; its size as they arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from frontdesk.errors import InvalidParams, MeteorError
from frontdesk.file_storage import FileStorage, StagedFile, TooLarge
from frontdesk.ids import random_id
from frontdesk.services.upload_policy import UploadPolicy, bad_field, clean_name, no_file
from frontdesk.services.uploads import ReceivedFile

if TYPE_CHECKING:  # the package defines its callback types for type checkers only
    from python_multipart.multipart import MultipartCallbacks

FILE_FIELD = "file"
MAX_FIELDS = 20
MAX_FIELD_BYTES = 64 * 1024


class _Form:
    """The parser's callbacks: headers and data of each part, in order."""

    def __init__(self, storage: FileStorage, policy: UploadPolicy, file_id: str) -> None:
        self.storage, self.policy, self.file_id = storage, policy, file_id
        self.fields: dict[str, str] = {}
        self.file: StagedFile | None = None
        self.name = ""
        self.media_type = ""
        self._headers: dict[bytes, bytes] = {}
        self._header_field = b""
        self._header_value = b""
        self._part: str | None = None  # the current part's field name
        self._field = bytearray()
        self._is_file = False
        self.file_complete = False  # the file part's closing boundary arrived
        self.ended = False  # the body's final boundary arrived

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": lambda d, s, e: self._add("_header_field", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("_header_value", d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _add(self, attribute: str, data: bytes) -> None:
        setattr(self, attribute, getattr(self, attribute) + data)

    def _part_begin(self) -> None:
        self._headers, self._part, self._field, self._is_file = {}, None, bytearray(), False

    def _header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = params.get(b"name", b"").decode("utf-8", "replace")
        self._part = name
        if b"filename" not in params:
            if len(self.fields) >= MAX_FIELDS:
                raise InvalidParams(f"must NOT have more than {MAX_FIELDS} form fields")
            return
        if name != FILE_FIELD or self.file is not None:
            raise bad_field()  # a second file, or a file under another name
        self.name = clean_name(params[b"filename"].decode("utf-8", "replace"))
        declared = self._headers.get(b"content-type", b"").decode("latin-1")
        self.media_type = self.policy.media_type(declared, self.name)
        self.file = self.storage.writer(self.file_id, self.policy.max_size)
        self._is_file = True

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            assert self.file is not None
            self.file.write(data[start:end])
            return
        self._field += data[start:end]
        if len(self._field) > MAX_FIELD_BYTES:
            raise InvalidParams(f"form field {self._part!r} must NOT be longer than {MAX_FIELD_BYTES} bytes")

    def _part_end(self) -> None:
        if self._is_file:
            self.file_complete = True
        elif self._part is not None:
            self.fields[self._part] = self._field.decode("utf-8", "replace")

    def _end(self) -> None:
        self.ended = True


async def receive_file(request: Request, storage: FileStorage, policy: UploadPolicy) -> ReceivedFile:
    """The request's `file` part staged on disk, or the policy's refusal (nothing left behind)."""
    kind, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise no_file()
    form = _Form(storage, policy, random_id())
    parser = MultipartParser(boundary, form.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
            if form.file is not None:
                await form.file.flush()
        parser.finalize()
        if form.file is None:
            raise no_file()
        if not (form.file_complete and form.ended):  # a body cut short is no file, however much arrived
            raise MeteorError("error-upload-failed", "The upload ended before its file did")
        await form.file.finish()
    except TooLarge:
        await _abort(form)
        raise policy.too_large() from None
    except FormParserError as exc:  # not multipart as announced
        await _abort(form)
        raise MeteorError("error-upload-failed", str(exc) or "Malformed multipart body") from None
    except BaseException:  # a refusal, or a dropped connection: nothing may stay behind
        await _abort(form)
        raise
    return ReceivedFile(form.file_id, form.name, form.media_type, form.file.size, form.fields)


async def _abort(form: _Form) -> None:
    if form.file is not None:
        await form.file.abort()
