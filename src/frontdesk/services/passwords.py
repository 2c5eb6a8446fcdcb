"""Password hashing as Rocket.Chat stores it: bcrypt over the SHA-256 hex digest of the password."""

from __future__ import annotations

import hashlib

import bcrypt


def digest(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def hash_digest(sha256_hex: str, rounds: int) -> str:
    return bcrypt.hashpw(sha256_hex.lower().encode(), bcrypt.gensalt(rounds)).decode()


def hash_password(password: str, rounds: int) -> str:
    return hash_digest(digest(password), rounds)


def check_digest(sha256_hex: str, hashed: str | None) -> bool:
    if not hashed:
        return False
    try:
        return bcrypt.checkpw(sha256_hex.lower().encode(), hashed.encode())
    except ValueError:
        return False
