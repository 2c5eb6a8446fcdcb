"""The upload rules that need no request: names, sizes, media types."""

from __future__ import annotations

import pytest

from frontdesk.errors import MeteorError, Refusal
from frontdesk.services.upload_policy import CEILING, UploadPolicy, clean_name, human_size


def _policy(**values: object) -> UploadPolicy:
    base = {
        "FileUpload_MaxFileSize": 1000,
        "FileUpload_MediaTypeWhiteList": "",
        "FileUpload_MediaTypeBlackList": "image/svg+xml",
    }
    return UploadPolicy.of("r1", {**base, **values}, widget=False)


def test_names_lose_folders_and_control_characters() -> None:
    assert clean_name("C:\\Users\\ada/..\\report\x00.pdf") == "report.pdf"
    assert clean_name("\x07\x1b") == "file" and clean_name(None) == "file"
    assert len(clean_name("a" * 300 + ".png")) == 255 and clean_name("a" * 300 + ".png").endswith(".png")


def test_sizes_as_rocket_chat_writes_them() -> None:
    assert [human_size(n) for n in (1000, 1024, 104_857_600, 1536)] == ["1000 B", "1 KB", "100 MB", "1.50 KB"]


def test_no_limit_still_has_a_ceiling() -> None:
    assert _policy(FileUpload_MaxFileSize=-1).max_size == CEILING
    assert _policy(FileUpload_MaxFileSize=10 * CEILING).max_size == CEILING


def test_media_types() -> None:
    policy = _policy(FileUpload_MediaTypeWhiteList="image/*, application/pdf")
    assert policy.media_type("image/jpeg; charset=x", "a.jpg") == "image/jpeg"
    assert policy.media_type("", "scan.pdf") == "application/pdf"
    with pytest.raises(MeteorError) as refused:
        policy.media_type("image/svg+xml", "a.svg")  # the black list wins
    assert refused.value.code == "error-invalid-file-type"
    widget = UploadPolicy.of(
        "r1",
        {
            **policy.__dict__,
            "FileUpload_MaxFileSize": 5,
            "FileUpload_MediaTypeWhiteList": "image/*",
            "FileUpload_MediaTypeBlackList": "",
        },
        widget=True,
    )
    with pytest.raises(Refusal):
        widget.media_type("text/plain", "a.txt")
