"""Identifiers in the forms Rocket.Chat generates them."""

from __future__ import annotations

import base64
import hashlib
import secrets

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"


def random_id(length: int = 17) -> str:
    """Meteor's Random.id(): 17 characters from a 55-letter alphabet."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def object_id() -> str:
    """A 24-hex-digit id, as MongoDB's ObjectId().toHexString() gives for visitors and inquiries."""
    return secrets.token_hex(12)


def login_token() -> str:
    """A Meteor resume token: 43 characters of base64url."""
    return secrets.token_urlsafe(32)


def hash_login_token(token: str) -> str:
    """The stored form of a resume token: base64 of its SHA-256, as Accounts._hashLoginToken."""
    return base64.b64encode(hashlib.sha256(token.encode()).digest()).decode()
