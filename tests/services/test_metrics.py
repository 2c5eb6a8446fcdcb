"""The docs/api/livechat-api.md §4 room rules, checked against hand-computed values and the seed rooms."""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.clock import iso, parse_iso
from frontdesk.services import metrics

VISITOR = {
    "_id": "6374a855d3cc906f14f967c1",
    "username": "917738772967",
    "token": "31n6zy",
    "name": "Murtaza P",
}
AGENT = {"_id": "jXb2wWc9596RhN4nd", "username": "murtaza1", "name": "murtaza"}
_seq = iter(range(1, 10_000))


def at(text: str) -> int:
    ms = parse_iso(text)
    assert ms is not None
    return ms


def visitor_msg(room: dict[str, Any], ts_ms: int, text: str = "hi") -> dict[str, Any]:
    u = {"_id": VISITOR["_id"], "username": VISITOR["username"], "name": VISITOR["name"]}
    return {
        "_id": f"m{next(_seq)}",
        "rid": room["_id"],
        "msg": text,
        "token": VISITOR["token"],
        "ts": iso(ts_ms),
        "u": u,
    }


def agent_msg(room: dict[str, Any], ts_ms: int, text: str = "hello") -> dict[str, Any]:
    return {"_id": f"m{next(_seq)}", "rid": room["_id"], "msg": text, "ts": iso(ts_ms), "u": dict(AGENT)}


def open_room(ts_ms: int) -> dict[str, Any]:
    return metrics.new_room(rid="oY5N73aGJK7rn9THa", visitor=VISITOR, now_ms=ts_ms, department_id="d1")


def test_new_room_defaults() -> None:
    now = at("2022-11-16T09:11:27.445Z")
    room = open_room(now)
    assert room["ts"] == room["lm"] == room["queuedAt"] == room["_updatedAt"] == "2022-11-16T09:11:27.445Z"
    assert room["msgs"] == 0 and room["usersCount"] == 1 and room["t"] == "l"
    assert room["open"] is True and room["cl"] is False and room["waitingResponse"] is True
    assert room["fname"] == "Murtaza P" and room["departmentId"] == "d1"
    assert room["v"] == {
        "_id": VISITOR["_id"],
        "username": "917738772967",
        "token": "31n6zy",
        "status": "online",
    }
    assert room["source"] == {"type": "other", "alias": "unknown"}
    assert room["priorityWeight"] == 99 and room["estimatedWaitingTimeQueue"] == 9999999
    assert "metrics" not in room and "servedBy" not in room


def test_assignment_sets_served_by_and_users_count() -> None:
    room = open_room(at("2022-11-16T09:11:27.445Z"))
    metrics.apply_agent_assigned(room, AGENT, at("2022-11-16T09:11:34.387Z"))
    assert room["servedBy"] == {"_id": AGENT["_id"], "username": "murtaza1", "ts": "2022-11-16T09:11:34.387Z"}
    assert room["usersCount"] == 2


def test_seed_room_two_first_response_and_average() -> None:
    """The seed's WhatsApp room: reaction ft 16.817, response ft 23.759, then avg 11.9155 over two."""
    ts = at("2022-11-16T09:11:27.445Z")
    room = open_room(ts - 45)  # the room is created just before its first message is saved
    metrics.record_message(room, visitor_msg(room, ts, "Hello"), ts + 80)
    assert room["metrics"] == {"v": {"lq": "2022-11-16T09:11:27.445Z"}}
    metrics.apply_agent_assigned(room, AGENT, at("2022-11-16T09:11:34.387Z"))
    reply = agent_msg(room, at("2022-11-16T09:11:51.103Z"), "Hello WhatsApp!")
    metrics.record_message(room, reply, at("2022-11-16T09:11:51.204Z"))
    m = room["metrics"]
    assert m["reaction"] == {"fd": "2022-11-16T09:11:51.204Z", "ft": 16.817, "tt": 16.817}
    assert m["response"] == {
        "fd": "2022-11-16T09:11:51.204Z",
        "ft": 23.759,
        "avg": 23.759,
        "total": 1,
        "tt": 23.759,
    }
    assert m["servedBy"] == {"lr": "2022-11-16T09:11:51.103Z"}
    assert room["responseBy"] == {
        "_id": AGENT["_id"],
        "username": "murtaza1",
        "firstResponseTs": "2022-11-16T09:11:51.103Z",
        "lastMessageTs": "2022-11-16T09:11:51.103Z",
    }
    assert "waitingResponse" not in room
    assert room["v"]["activity"] == ["2022-11"]

    # the visitor asks again; the agent answers 72 ms after the question
    question = at("2022-11-16T09:12:10.000Z")
    metrics.record_message(room, visitor_msg(room, question), question + 5)
    assert room["metrics"]["v"]["lq"] == "2022-11-16T09:12:10.000Z"
    assert room["waitingResponse"] is True and "responseBy" not in room
    metrics.record_message(room, agent_msg(room, question + 60), question + 72)
    m = room["metrics"]
    assert m["response"]["total"] == 2
    assert m["response"]["tt"] == pytest.approx(23.831)
    assert m["response"]["avg"] == pytest.approx(11.9155)
    assert m["reaction"]["tt"] == pytest.approx(16.889)
    # first-response fields are kept from the first answer
    assert m["response"]["ft"] == 23.759 and m["reaction"]["fd"] == "2022-11-16T09:11:51.204Z"
    assert room["msgs"] == 4 and room["lm"] == iso(question + 60)


def test_average_over_several_exchanges() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, ts + 2_000)
    # (visitor at, agent processed at) -> response times 10.5, 20.25, 30.0, 5.25
    exchanges = [
        (ts + 500, ts + 11_000),
        (ts + 60_000, ts + 80_250),
        (ts + 120_000, ts + 150_000),
        (ts + 200_000, ts + 205_250),
    ]
    for asked, answered in exchanges:
        metrics.record_message(room, visitor_msg(room, asked), asked + 10)
        metrics.record_message(room, agent_msg(room, answered - 100), answered)
    response = room["metrics"]["response"]
    assert response["total"] == 4
    assert response["tt"] == pytest.approx(66.0)
    assert response["avg"] == pytest.approx(16.5)
    assert response["ft"] == 10.5
    # reaction: the first from the assignment (11 - 2), then the response times
    assert room["metrics"]["reaction"]["ft"] == 9.0
    assert room["metrics"]["reaction"]["tt"] == pytest.approx(9.0 + 20.25 + 30.0 + 5.25)


def test_consecutive_agent_messages_do_not_change_metrics() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, ts + 1_000)
    metrics.record_message(room, visitor_msg(room, ts + 500), ts + 505)
    metrics.record_message(room, agent_msg(room, ts + 9_000), ts + 9_050)
    before = {k: dict(v) for k, v in room["metrics"].items()}
    metrics.record_message(room, agent_msg(room, ts + 15_000), ts + 15_040)
    metrics.record_message(room, agent_msg(room, ts + 25_000), ts + 25_040)
    assert room["metrics"] == before
    # responseBy follows the latest agent message's processing time
    assert room["responseBy"]["lastMessageTs"] == iso(ts + 25_040)
    assert room["responseBy"]["firstResponseTs"] == iso(ts + 9_000)
    assert room["msgs"] == 4


def test_visitor_message_at_room_creation_time_never_sets_lr() -> None:
    """With `lq == ts` the check `lq > lr` fails, so the next answer is a first response again."""
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.record_message(room, visitor_msg(room, ts), ts + 5)
    metrics.record_message(room, agent_msg(room, ts + 4_000), ts + 4_000)
    assert "servedBy" not in room["metrics"] and room["metrics"]["response"]["ft"] == 4.0


def test_agent_message_before_any_visitor_message_counts_as_first_again() -> None:
    """The original code's edge case: without a visitor message `lr` is never set."""
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, ts + 1_000)
    metrics.record_message(room, agent_msg(room, ts + 3_000), ts + 3_000)
    metrics.record_message(room, agent_msg(room, ts + 7_000), ts + 7_000)
    response = room["metrics"]["response"]
    assert response["ft"] == 7.0 and response["total"] == 2 and response["tt"] == 10.0
    assert "servedBy" not in room["metrics"]


def test_visitor_messages_before_an_answer_keep_the_query_start() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.record_message(room, visitor_msg(room, ts + 1_000), ts + 1_010)
    metrics.record_message(room, visitor_msg(room, ts + 9_000), ts + 9_010)
    assert room["metrics"]["v"]["lq"] == iso(ts + 1_000)
    assert room["v"]["lastMessageTs"] == iso(ts + 9_000)


def test_close_durations_from_the_seed() -> None:
    """The seed's closed room: chatDuration 118.686 s; service time from the assignment."""
    ts = at("2022-11-16T09:07:33.772Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, at("2022-11-16T09:07:40.000Z"))
    room["tags"] = ["sales"]
    metrics.apply_close(
        room, closer="user", closed_by=AGENT, now_ms=at("2022-11-16T09:09:32.458Z"), tags=["vip", "sales"]
    )
    assert room["closedAt"] == "2022-11-16T09:09:32.458Z"
    assert room["metrics"]["chatDuration"] == 118.686
    assert room["metrics"]["serviceTimeDuration"] == 112.458
    assert room["closer"] == "user" and room["closedBy"] == {"_id": AGENT["_id"], "username": "murtaza1"}
    assert room["v"]["status"] == "offline"
    assert room["tags"] == ["sales", "vip"]
    assert "open" not in room


def test_close_unserved_room_has_no_service_time_and_no_tags() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_close(room, closer="visitor", closed_by=VISITOR, now_ms=ts + 30_000)
    assert room["metrics"] == {"chatDuration": 30.0}
    assert "tags" not in room and room["closer"] == "visitor"


def test_close_message_counts_but_skips_hooks() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, ts + 1_000)
    metrics.apply_close(room, closer="user", closed_by=AGENT, now_ms=ts + 50_000)
    close = {**agent_msg(room, ts + 50_010, "thanks"), "t": "livechat-close"}
    metrics.record_message(room, close, ts + 50_020)
    assert room["msgs"] == 1 and room["lastMessage"]["t"] == "livechat-close"
    assert room["lm"] == iso(ts + 50_010)
    assert "response" not in room["metrics"]


def test_old_and_thread_messages_only_count() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_message_counters(room, visitor_msg(room, ts - 120_000), ts)
    metrics.apply_message_counters(room, {**visitor_msg(room, ts), "tmid": "x"}, ts)
    assert room["msgs"] == 2 and room["lm"] == iso(ts) and "lastMessage" not in room
    metrics.apply_hidden_system_message(room, ts + 5)
    assert room["msgs"] == 3 and room["_updatedAt"] == iso(ts + 5)


def test_on_hold_resume_and_return_to_queue() -> None:
    ts = at("2024-01-01T10:00:00.000Z")
    room = open_room(ts)
    metrics.apply_agent_assigned(room, AGENT, ts + 1_000)
    metrics.apply_on_hold(room, ts + 2_000)
    assert room["onHold"] is True
    metrics.apply_resume(room, ts + 3_000)
    assert "onHold" not in room
    metrics.apply_return_to_queue(room, ts + 4_000)
    assert room["queuedAt"] == iso(ts + 4_000) and "servedBy" not in room
