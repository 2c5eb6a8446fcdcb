"""Demo rooms: each one's timeline of messages, replayed through services/metrics so its fields agree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from frontdesk.clock import iso
from frontdesk.demo import catalog
from frontdesk.demo.cast import Cast, DemoDepartment
from frontdesk.demo.randomness import DemoRandom, Shares
from frontdesk.demo.visitors import WIDGET, DemoVisitor, VisitorFactory
from frontdesk.documents import MessageDoc, RoomDoc, RoomSource, UserRef, VisitorDoc
from frontdesk.services import metrics

CLOSED, SERVED, QUEUED, ON_HOLD, ABANDONED = "closed", "open", "queued", "on hold", "closed unserved"
# cumulative shares: most chats in a history are closed; a few are being served, waiting or on hold
_STATES = Shares(((0.80, CLOSED), (0.85, ABANDONED), (0.93, SERVED), (0.97, QUEUED), (1.0, ON_HOLD)))
_RETURNING = 0.2  # share of rooms opened by a visitor who already chatted


@dataclass
class Batch:
    """Documents for one transaction."""

    visitors: list[dict[str, Any]] = field(default_factory=list)
    rooms: list[RoomDoc] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    inquiries: list[dict[str, Any]] = field(default_factory=list)
    states: Counter[str] = field(default_factory=Counter)


class RoomGenerator:
    """Rooms spread evenly over [start_ms, end_ms], in creation order."""

    def __init__(
        self,
        rand: DemoRandom,
        cast: Cast,
        *,
        start_ms: int,
        end_ms: int,
        total: int,
        guest_base: int,
        parse_md: Any,
        max_replies: int = 4,
    ) -> None:
        self.rand = rand
        self.max_replies = max_replies
        self.cast = cast
        self.start_ms = start_ms
        self.step = (end_ms - start_ms) / max(total, 1)
        self.visitors = VisitorFactory(rand, guest_base)
        self._parse_md = parse_md
        self._md: dict[str, list[Any]] = {}
        self._returning: list[DemoVisitor] = []
        cumulative, shares = 0.0, []
        for dept in cast.departments:
            cumulative += dept.share
            shares.append((cumulative, dept))
        self._departments = Shares(shares)
        self._department_total = cumulative
        # a department's chats are served by its own team (all agents where it has none)
        self._teams = {d.id: [cast.agents[i] for i in d.team] for d in cast.departments if d.team}

    def md(self, text: str) -> list[Any]:
        """The parsed `md` of a text; the demo's texts repeat, so each is parsed once."""
        found = self._md.get(text)
        if found is None:
            found = self._md[text] = self._parse_md(text)
        return found

    def batch(self, first: int, count: int) -> Batch:
        out = Batch()
        self._returning = []  # visitors are written with their batch, so only reuse those of this one
        fresh: dict[str, dict[str, Any]] = {}
        for index in range(first, first + count):
            self._room(index, out, fresh)
        out.visitors = list(fresh.values())
        return out

    def _department(self) -> DemoDepartment | None:
        roll = self.rand.random()
        if roll < 0.08:
            return None
        return self._departments.at((roll - 0.08) / 0.92 * self._department_total)

    def _room(self, index: int, out: Batch, fresh: dict[str, dict[str, Any]]) -> None:
        rand = self.rand
        ts = int(self.start_ms + (index + rand.random()) * self.step)
        if self._returning and rand.random() < _RETURNING:
            visitor = self._returning.pop(int(rand.random() * len(self._returning)))
        else:
            visitor = self.visitors.new(ts)
            fresh[visitor.doc["_id"]] = visitor.doc
        visitor.doc["status"] = "online"
        roll = rand.random()
        state = _STATES.at(roll)
        dept = self._department()
        source, extra = self.visitors.room_fields(visitor, ts)
        room = metrics.new_room(
            rid=rand.random_id(),
            visitor=cast(VisitorDoc, visitor.doc),
            now_ms=ts,
            source=cast(RoomSource, source),
            department_id=dept.id if dept else None,
            extra=extra,
        )
        timeline = _Timeline(self, room, visitor, out.messages)
        opener = rand.pick(catalog.VISITOR_OPENERS)
        t = timeline.visitor_says(ts + rand.between(40, 400), opener)
        if state in (QUEUED, ABANDONED):
            if rand.random() < 0.4:
                t = timeline.visitor_says(t + rand.wait_ms(20, 3, 120), rand.pick(catalog.VISITOR_FOLLOW_UPS))
            if state == ABANDONED:
                timeline.close(t + rand.wait_ms(240, 30, 1800), by_visitor=True, tags=())
        else:
            # the room's department may be the returning visitor's own, not the one drawn above
            agent = rand.pick(self._teams.get(room.get("departmentId") or "", self.cast.agents))
            assigned = t + rand.wait_ms(30, 1, 600)
            metrics.apply_agent_assigned(room, cast(UserRef, agent), assigned)
            t = timeline.conversation(agent, t, assigned, rand.between(1, self.max_replies + 1))
            if state == ON_HOLD:
                metrics.apply_on_hold(room, t + rand.wait_ms(60, 10, 600))
            elif state == CLOSED:
                by_visitor = rand.random() < 0.12
                tags = () if rand.random() < 0.3 else self._tags(dept)
                timeline.close(t + rand.wait_ms(120, 10, 900), by_visitor=by_visitor, tags=tags, agent=agent)
        if "open" in room:
            out.inquiries.append(_inquiry(rand, room, state, opener))
        else:
            visitor.doc["status"] = "offline"
            self._returning.append(visitor)
        _note_chat(visitor.doc, room)
        out.rooms.append(room)
        out.states[state] += 1

    def _tags(self, dept: DemoDepartment | None) -> tuple[str, ...]:
        pool = dept.tags if dept else catalog.TAGS
        first = self.rand.pick(pool)
        if self.rand.random() < 0.25:
            return (first, self.rand.pick(catalog.TAGS))
        return (first,)


class _Timeline:
    """Writes one room's messages in time order and applies each to the room as the server would."""

    def __init__(self, gen: RoomGenerator, room: RoomDoc, visitor: DemoVisitor, sink: list[Any]) -> None:
        self.gen, self.rand, self.room, self.sink = gen, gen.rand, room, sink
        doc = visitor.doc
        self.visitor_u = {"_id": doc["_id"], "username": doc["username"], "name": doc["name"]}
        self.token = doc["token"]
        self.widget = visitor.channel == WIDGET

    def _save(self, message: dict[str, Any], ts_ms: int) -> int:
        """The message as saved at ts_ms; the server processes it a few ms later."""
        now = ts_ms + self.rand.between(5, 120)
        message["_updatedAt"] = iso(now)
        message.update(urls=[], mentions=[], channels=[])
        self.sink.append(message)
        metrics.record_message(self.room, cast(MessageDoc, message), now)  # with widget-only fields
        return ts_ms

    def _message(self, ts_ms: int, text: str, user: dict[str, Any]) -> dict[str, Any]:
        return {
            "_id": self.rand.random_id(),
            "rid": self.room["_id"],
            "msg": text,
            "ts": iso(ts_ms),
            "u": user,
        }

    def visitor_says(self, ts_ms: int, text: str) -> int:
        message = self._message(ts_ms, text, self.visitor_u)
        message.update(token=self.token, alias=self.visitor_u["name"], md=self.gen.md(text))
        if self.widget:
            message.update(newRoom=False, showConnecting=True)
        return self._save(message, ts_ms)

    def agent_says(self, ts_ms: int, text: str, agent: dict[str, str]) -> int:
        message = self._message(ts_ms, text, agent)
        message["md"] = self.gen.md(text)
        return self._save(message, ts_ms)

    def conversation(self, agent: dict[str, str], t: int, assigned: int, count: int) -> int:
        """`count` more messages after the visitor's opener: the agent's answer first, then mostly
        alternating, sometimes two in a row."""
        rand = self.rand
        visitor_last = True
        for n in range(count):
            visitor_next = n > 0 and (not visitor_last if rand.random() > 0.15 else visitor_last)
            if visitor_next:
                gap = rand.wait_ms(60, 5, 600) if not visitor_last else rand.wait_ms(15, 2, 90)
                t = self.visitor_says(t + gap, rand.pick(catalog.VISITOR_FOLLOW_UPS))
            else:
                gap = rand.wait_ms(40, 3, 400) if visitor_last else rand.wait_ms(12, 2, 60)
                t = self.agent_says(max(t, assigned) + gap, rand.pick(catalog.AGENT_REPLIES), agent)
            visitor_last = visitor_next
        return t

    def close(
        self, at_ms: int, *, by_visitor: bool, tags: tuple[str, ...], agent: dict[str, str] | None = None
    ) -> None:
        by_visitor = by_visitor or agent is None
        closer = self.visitor_u if by_visitor or agent is None else agent
        role: Literal["user", "visitor"] = "visitor" if by_visitor else "user"
        metrics.apply_close(self.room, closer=role, closed_by=cast(UserRef, closer), now_ms=at_ms, tags=tags)
        comment = "" if by_visitor else self.rand.pick(catalog.CLOSE_COMMENTS)
        sent = at_ms + self.rand.between(20, 120)
        message = self._message(sent, comment, closer)
        message.update(
            t="livechat-close", groupable=False, transcriptRequested=False, md=self.gen.md(comment)
        )
        if by_visitor:
            message["token"] = self.token
        self._save(message, sent)


def _inquiry(rand: DemoRandom, room: RoomDoc, state: str, opener: str) -> dict[str, Any]:
    """The routing queue's entry: queued, or taken by the serving agent (deleted when a room closes)."""
    doc: dict[str, Any] = {
        "_id": rand.object_id(),
        "rid": room["_id"],
        "name": room["fname"],
        "ts": room["ts"],
        "message": opener,
        "status": "queued" if state == QUEUED else "taken",
        "v": {k: room["v"][k] for k in ("_id", "username", "token", "status")},
        "t": "l",
        "source": {"type": room["source"]["type"]},
        "priorityWeight": room["priorityWeight"],
        "estimatedWaitingTimeQueue": room["estimatedWaitingTimeQueue"],
        "_updatedAt": room["_updatedAt"],
    }
    if "departmentId" in room:
        doc["department"] = room["departmentId"]
    if state == QUEUED:
        doc["queuedAt"] = room["queuedAt"]
    else:
        doc["takenAt"] = room["servedBy"]["ts"]
    if "lastMessage" in room:
        doc["lastMessage"] = room["lastMessage"]
    return doc


def _note_chat(doc: dict[str, Any], room: RoomDoc) -> None:
    """The visitor's `lastChat` and `lastAgent`, as Rocket.Chat keeps them."""
    doc["lastChat"] = {"_id": room["_id"], "ts": room["ts"]}
    served = room.get("servedBy")
    if served:
        doc["lastAgent"] = {"agentId": served["_id"], "username": served["username"], "ts": served["ts"]}
    if "department" not in doc and "departmentId" in room:
        doc["department"] = room["departmentId"]
    doc["_updatedAt"] = room["_updatedAt"]
