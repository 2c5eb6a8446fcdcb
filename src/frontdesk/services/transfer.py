"""Moving a chat (docs/api/livechat-api.md §4.5): to an agent or a department, or back to the queue."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.clock import iso
from frontdesk.documents import (
    DepartmentDoc,
    DepartmentRef,
    InquiryDoc,
    JsonObject,
    MessageDoc,
    MessageFields,
    RoomDoc,
    SubscriptionDoc,
    TransferData,
    TransferredBy,
    TransferredTo,
    UserRef,
    served_by_id,
)
from frontdesk.errors import MeteorError, PlainError
from frontdesk.models.users import User
from frontdesk.services import metrics, routing
from frontdesk.services.chat_messages import do_system_message
from frontdesk.services.pagination import ListPage, ListQuery, read_list_query
from frontdesk.services.permissions import check_permission, has_permission
from frontdesk.store import agents as agent_store
from frontdesk.store import departments as department_store
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import rooms as room_store
from frontdesk.store import subscriptions as subscription_store
from frontdesk.store import visitors as visitor_store
from frontdesk.store.transfers import TRANSFER, transfer_messages


def transferred_by(user: User, room: RoomDoc) -> TransferredBy:
    """normalizeTransferredByData: `agent` when the user serves the room, else `user`."""
    user_type: Literal["agent", "user"] = "agent" if served_by_id(room) == user.id else "user"
    if user.name:
        return {"_id": user.id, "username": user.username, "name": user.name, "userType": user_type}
    return {"_id": user.id, "username": user.username, "userType": user_type}


async def do_transfer_history(
    db: AsyncSession,
    room: RoomDoc,
    by: TransferredBy,
    now: int,
    *,
    scope: Literal["agent", "department", "queue"],
    comment: str | None = None,
    next_department: DepartmentRef | None = None,
    transferred_to: TransferredTo | None = None,
) -> MessageDoc:
    """The `livechat_transfer_history` message; it becomes the room's lastMessage."""
    data: TransferData = {"transferredBy": by, "ts": iso(now), "scope": scope}
    if comment is not None:
        data["comment"] = comment
    if room.get("departmentId"):
        data["previousDepartment"] = room["departmentId"]
    if next_department:
        data["nextDepartment"] = next_department
    if transferred_to:
        data["transferredTo"] = transferred_to
    author: UserRef = {"_id": by["_id"], "username": by["username"]}
    extra: MessageFields = {"transferData": data}
    if by.get("userType") == "visitor":
        extra["token"] = room["v"]["token"]
    return await do_system_message(db, room, TRANSFER, "", author, now, **extra)


async def do_remove_subscriptions(
    db: AsyncSession, room: RoomDoc, subscriptions: list[SubscriptionDoc], keep: str | None, now: int
) -> None:
    """removeAllRoomSubscriptions: everyone but `keep` leaves, each with a `ul` message."""
    for sub in subscriptions:
        user = sub["u"]
        if user["_id"] == keep:
            continue
        await subscription_store.delete_subscription(db, room["_id"], user["_id"])
        author: UserRef = {"_id": user["_id"], "username": user["username"]}
        await do_system_message(db, room, "ul", user["username"], author, now, notify=False)


async def do_set_department(
    db: AsyncSession, room: RoomDoc, inquiry: InquiryDoc, department_id: str, now: int
) -> None:
    """updateChatDepartment: the room, its inquiry and its subscriptions move to the department."""
    room["departmentId"] = department_id
    room["_updatedAt"] = iso(now)
    inquiry["department"] = department_id
    for sub in await subscription_store.room_subscriptions(db, room["_id"]):
        sub["department"] = department_id
        await subscription_store.save_subscription(db, sub)


async def do_unassign(db: AsyncSession, room: RoomDoc, inquiry: InquiryDoc, now: int) -> None:
    """Back to the queue: nobody serving; `queued` under manual routing, `ready` to be routed otherwise."""
    metrics.apply_return_to_queue(room, now)
    manual = await routing.routing_method(db) == routing.MANUAL
    inquiry["status"] = "queued" if manual else "ready"
    inquiry["queuedAt"] = iso(now)
    inquiry.pop("takenAt", None)
    inquiry["_updatedAt"] = iso(now)
    await inquiry_store.save_inquiry(db, inquiry)
    await room_store.save_room(db, room)


async def _online_agent(db: AsyncSession, agent_id: str) -> User:
    locked = await agent_store.lock_users(db, [agent_id])
    if not locked or not routing.is_online(locked[0]):
        raise PlainError("error-user-is-offline")
    return locked[0]


async def _check_capacity(
    db: AsyncSession, agent: User, department_id: str | None, client_action: bool
) -> None:
    if not await routing.has_capacity(db, agent, department_id):
        if client_action:
            raise MeteorError("error-max-number-simultaneous-chats-reached", "Not allowed")
        raise PlainError("error-forwarding-chat")


async def _to_agent(
    db: AsyncSession,
    room: RoomDoc,
    by: TransferredBy,
    agent_id: str,
    comment: str | None,
    client_action: bool,
    now: int,
) -> None:
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if inquiry is None:
        raise PlainError("error-invalid-inquiry")
    agent = await _online_agent(db, agent_id)
    if served_by_id(room) == agent.id:
        raise PlainError("error-selected-agent-room-agent-are-same")
    await _check_capacity(db, agent, room.get("departmentId"), client_action)
    before = await subscription_store.room_subscriptions(db, room["_id"])
    await routing.do_assign(db, room, inquiry, agent, now)
    to: TransferredTo = {"_id": agent.id, "username": agent.username}
    if agent.name:
        to["name"] = agent.name
    await do_transfer_history(db, room, by, now, scope="agent", comment=comment, transferred_to=to)
    await do_remove_subscriptions(db, room, before, agent.id, now)
    await room_store.save_room(db, room)


async def _to_department(
    db: AsyncSession,
    room: RoomDoc,
    by: TransferredBy,
    department: DepartmentDoc,
    agent_id: str | None,
    comment: str | None,
    client_action: bool,
    now: int,
) -> None:
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if inquiry is None:
        raise PlainError("error-transferring-inquiry")
    if room.get("departmentId") == department["_id"]:
        raise PlainError("error-forwarding-chat-same-department")
    agent = None
    if agent_id:
        agent = await _online_agent(db, agent_id)
        if agent.id not in await agent_store.department_agent_ids(db, department["_id"]):
            raise PlainError("error-user-not-belong-to-department")
    old = served_by_id(room)
    if await routing.routing_method(db) == routing.AUTO:
        if agent is not None:
            await _check_capacity(db, agent, department["_id"], client_action)
        else:
            agent = await routing.pick_agent(db, department["_id"])
        if agent is not None and agent.id == old:
            raise PlainError("error-no-agents-online-in-department")
    else:
        agent = None
    before = await subscription_store.room_subscriptions(db, room["_id"])
    next_department: DepartmentRef = {"_id": department["_id"], "name": department.get("name")}
    to: TransferredTo | None = None
    if agent_id and agent is not None:
        to = {"_id": agent.id, "username": agent.username}
    await do_transfer_history(
        db,
        room,
        by,
        now,
        scope="department",
        comment=comment,
        next_department=next_department,
        transferred_to=to,
    )
    await do_set_department(db, room, inquiry, department["_id"], now)
    await do_remove_subscriptions(db, room, before, agent.id if agent else None, now)
    if agent is not None:
        await routing.do_assign(db, room, inquiry, agent, now)
    else:
        await do_unassign(db, room, inquiry, now)


async def check_forward(
    db: AsyncSession,
    caller: User,
    room_id: str,
    user_id: str | None,
    department_id: str | None,
    comment: str | None,
    client_action: bool,
    now: int,
) -> None:
    """POST livechat/room.forward (Livechat.transfer): to a department when one is given, else to an agent."""
    await check_permission(db, caller, "view-l-room", "transfer-livechat-guest")
    room = await room_store.get_room(db, room_id, for_update=True)
    if room is None or room.get("t") != "l":
        raise PlainError("error-invalid-room")
    if room.get("open") is not True:
        raise PlainError("This_conversation_is_already_closed")
    if await visitor_store.get_by_id(db, room["v"]["_id"]) is None:
        raise PlainError("error-invalid-visitor")
    if room.get("onHold"):
        raise PlainError("error-room-onHold")
    by = transferred_by(caller, room)
    if department_id:
        department = await department_store.get_department(db, department_id)
        if department is None:
            raise PlainError("error-invalid-department")
        await _to_department(db, room, by, department, user_id, comment, client_action, now)
    elif user_id:
        await _to_agent(db, room, by, user_id, comment, client_action, now)
    else:
        raise PlainError("error-forwarding-chat")


async def check_return_to_queue(
    db: AsyncSession, caller: User, rid: Any, department_id: Any, now: int
) -> bool:
    """livechat:returnAsInquiry: the serving agent lets go of the chat; False when nobody was serving it."""
    if not await has_permission(db, caller, "view-l-room"):
        raise MeteorError("error-not-allowed", "Not allowed")
    room = await room_store.get_room(db, rid, for_update=True) if isinstance(rid, str) else None
    if room is None:
        raise MeteorError("error-invalid-room", "Invalid room")
    if room.get("open") is not True:
        raise MeteorError("room-closed", "Room closed")
    if room.get("onHold"):
        raise MeteorError("error-room-onHold", "Room On Hold")
    old = served_by_id(room)
    inquiry = await inquiry_store.get_by_room(db, room["_id"], for_update=True)
    if not old or inquiry is None:
        return False
    next_department = None
    if isinstance(department_id, str) and department_id and department_id != room.get("departmentId"):
        department = await department_store.get_department(db, department_id)
        if department is None:
            raise MeteorError("error-invalid-department", "Invalid department")
        next_department = DepartmentRef(_id=department["_id"], name=department.get("name"))
    before = await subscription_store.room_subscriptions(db, room["_id"])
    by = transferred_by(caller, room)
    await do_transfer_history(db, room, by, now, scope="queue", next_department=next_department)
    if next_department:
        await do_set_department(db, room, inquiry, next_department["_id"], now)
    await do_remove_subscriptions(db, room, before, None, now)
    await do_unassign(db, room, inquiry, now)
    if inquiry["status"] == "ready":
        agent = await routing.pick_agent(db, room.get("departmentId"), ignore=old)
        if agent is not None:
            await routing.do_assign(db, room, inquiry, agent, now)
    return True


async def check_transfer_history(
    db: AsyncSession, user: User, rid: str, query: ListQuery
) -> ListPage[TransferData | JsonObject]:
    """GET livechat/transfer.history/:rid: each transfer's `transferData`, oldest first by default."""
    await check_permission(db, user, "view-livechat-rooms")
    paging, sort = await read_list_query(db, query, [("ts", 1)])
    if await room_store.get_room(db, rid) is None:
        raise PlainError("invalid-room")
    newest_first = bool(sort) and sort[0] == ("ts", -1)
    rows, total = await transfer_messages(db, rid, newest_first, paging.offset, paging.count)
    return ListPage([r.get("transferData") or {} for r in rows], paging.offset, total)
