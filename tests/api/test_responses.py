"""The response contracts in the OpenAPI document, and the test client's check against them."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from api_contract import Contract, ContractError
from frontdesk.api import responses

ROOM = (
    '{"_id":"r1","t":"l","msgs":1,"usersCount":1,"ts":"2024-01-01T00:00:00.000Z",'
    '"_updatedAt":"2024-01-01T00:00:00.000Z","v":{"_id":"v1","username":"guest-1","token":"t"},'
    '"source":{"type":"widget"}}'
)


def test_every_contract_names_a_real_endpoint(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    missing = [(m, p) for m, p in responses.RESPONSES if m not in paths.get(responses.API + p, {})]
    assert missing == []


def test_the_rooms_listing_documents_its_answer_and_errors(app: FastAPI) -> None:
    operation = app.openapi()["paths"]["/api/v1/livechat/rooms"]["get"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["properties"]["rooms"]["items"] == {"$ref": "#/components/schemas/RoomDoc"}
    assert set(ok["required"]) == {"rooms", "count", "offset", "total", "success"}
    assert "RocketChatError" in str(operation["responses"]["403"])
    assert "RoomDoc" in app.openapi()["components"]["schemas"]


def test_a_drifting_answer_fails_the_test_that_got_it(app: FastAPI) -> None:
    contract = Contract(app)
    good = f'{{"rooms":[{ROOM}],"count":1,"offset":0,"total":1,"success":true}}'.encode()
    contract.check("GET", "/api/v1/livechat/rooms", "", 200, good)
    for bad in (
        good.replace(b'"usersCount":1', b'"usersCount":"1"'),  # wrong type
        good.replace(b'"total":1,', b""),  # a missing envelope key
        good.replace(b'"source":{"type":"widget"}', b'"source":{}'),  # a nested required key
        b'{"success":"no","error":1}',
    ):
        with pytest.raises(ContractError):
            contract.check("GET", "/api/v1/livechat/rooms", "", 200, bad)
    with pytest.raises(ContractError):
        contract.check("GET", "/api/v1/livechat/rooms", "", 403, b'{"success":true}')
    contract.check("GET", "/api/v1/livechat/rooms", "fields=%7B%7D", 200, b'{"rooms":[{"_id":"r1"}]}')


def test_the_test_client_checks_every_answer(client: httpx.AsyncClient) -> None:
    assert client.event_hooks["response"], "conftest's client must carry the contract hook"
