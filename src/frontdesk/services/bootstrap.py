"""First-start set-up: default roles, permissions and the administrator account."""

from __future__ import annotations

import logging
import secrets
import sys

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.config import OVERWRITE_PREFIX, Settings
from frontdesk.errors import FrontdeskError
from frontdesk.services import settings as settings_service
from frontdesk.services.permissions import DEFAULT_PERMISSIONS, DEFAULT_ROLES
from frontdesk.services.users import do_create_user
from frontdesk.store import permissions as permission_store
from frontdesk.store import settings as setting_store
from frontdesk.store import users as user_store

TEST_ADMIN = "rocketchat.internal.admin.test"
log = logging.getLogger("frontdesk")


async def ensure_defaults(db: AsyncSession, settings: Settings, now: int) -> None:
    """Add what is missing; never overwrite what an administrator changed."""
    await permission_store.add_missing(db, DEFAULT_ROLES, DEFAULT_PERMISSIONS, now)
    await apply_setting_overrides(db, settings, now)
    if await user_store.count_users(db) > 0:
        return
    if settings.ADMIN_USERNAME or not settings.TEST_MODE:
        username = settings.ADMIN_USERNAME or "admin"
        email = settings.ADMIN_EMAIL or f"{username}@localhost.localdomain"
        password = settings.ADMIN_PASS
        user_id = None
    else:  # Rocket.Chat's own test fixture admin, so its e2e helpers work unchanged
        username, email, password, user_id = TEST_ADMIN, f"{TEST_ADMIN}@rocket.chat", TEST_ADMIN, TEST_ADMIN
    generated = password is None
    if password is None:
        password = secrets.token_urlsafe(12)
    await do_create_user(
        db,
        username=username,
        password=password,
        email=email,
        name="Administrator",
        roles=["admin", "user"],
        user_id=user_id,
        now=now,
        rounds=settings.BCRYPT_ROUNDS,
    )
    if generated:
        print(
            f"\nFrontdesk created the administrator '{username}' with the password: {password}\n"
            "It is shown this once; set ADMIN_PASS to choose it yourself.\n",
            file=sys.stderr,
            flush=True,
        )


async def apply_setting_overrides(db: AsyncSession, settings: Settings, now: int) -> None:
    """OVERWRITE_SETTING_<id> variables win over stored values at every start, as in Rocket.Chat."""
    for setting_id, text in sorted(settings.OVERWRITE_SETTINGS.items()):
        if setting_id not in settings_service.DEFINITIONS:
            log.warning("%s%s: Frontdesk has no such setting; ignored", OVERWRITE_PREFIX, setting_id)
            continue
        try:
            value = settings_service.coerce_text(setting_id, text)
        except FrontdeskError:
            log.warning("%s%s: %r is not a valid value; ignored", OVERWRITE_PREFIX, setting_id, text)
            continue
        await setting_store.set_value(db, setting_id, value, now)
