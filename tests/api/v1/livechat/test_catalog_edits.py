"""livechat/tags.save|delete and livechat/custom-fields.save|delete: Rocket.Chat's REST doors to the
catalogues, with the route's permission as a 403 and each refusal in Rocket.Chat's words."""

from __future__ import annotations

import httpx

from agent_chat import FORBIDDEN, create_department, get_json
from chat import make_agent
from factories import admin_headers, login, make_user
from frontdesk.db.engine import Database


async def _post(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], body: object
) -> httpx.Response:
    return await client.post(f"/api/v1/{path}", json=body, headers=headers)


async def test_a_manager_saves_renames_and_deletes_tags(client: httpx.AsyncClient, db: Database) -> None:
    manager = await make_user(db, ["user", "livechat-manager"])
    h = await login(client, manager["username"], manager["password"])
    dep = await create_department(client, "Sales")
    res = await _post(
        client,
        "livechat/tags.save",
        h,
        {"tagData": {"name": "vip", "description": "Big"}, "tagDepartments": [dep["_id"]]},
    )
    assert res.status_code == 200, res.text
    tag = res.json()
    assert tag["success"] is True and tag["name"] == "vip" and tag["departments"] == [dep["_id"]]
    assert tag["numDepartments"] == 1 and tag["description"] == "Big"
    renamed = await _post(client, "livechat/tags.save", h, {"_id": tag["_id"], "tagData": {"name": "VIP"}})
    assert renamed.json()["_id"] == tag["_id"] and renamed.json()["departments"] == []
    await _post(client, "livechat/tags.save", h, {"tagData": {"name": "general"}})
    dup = await _post(client, "livechat/tags.save", h, {"tagData": {"name": "general"}})
    assert dup.status_code == 400
    assert dup.json()["error"] == "A tag with this name already exists [error-duplicated-tag]"
    assert [t["name"] for t in (await get_json(client, "livechat/tags", h, text=""))["tags"]] == [
        "VIP",
        "general",
    ]  # MongoDB order: by code point

    deleted = await _post(client, "livechat/tags.delete", h, {"id": tag["_id"]})
    assert deleted.json() == {"success": True}
    again = await _post(client, "livechat/tags.delete", h, {"id": tag["_id"]})
    assert again.status_code == 400 and again.json()["error"] == "Tag not found [tag-not-found]"
    assert [t["name"] for t in (await get_json(client, "livechat/tags", h, text=""))["tags"]] == ["general"]
    bad = await _post(client, "livechat/tags.save", h, {"tagData": {}})
    assert bad.status_code == 400 and bad.json()["errorType"] == "invalid-params"

    agent = await make_agent(client, db)
    for path, body in (
        ("livechat/tags.save", {"tagData": {"name": "x"}}),
        ("livechat/tags.delete", {"id": "x"}),
    ):
        denied = await _post(client, path, agent["headers"], body)
        assert denied.status_code == 403 and denied.json() == FORBIDDEN


async def test_custom_fields_are_created_edited_and_deleted(client: httpx.AsyncClient, db: Database) -> None:
    h = await admin_headers(client)
    data = {"field": "plan", "label": "Plan", "scope": "room", "visibility": "visible", "type": "select",
            "options": "free,pro", "required": True}  # fmt: skip
    res = await _post(
        client, "livechat/custom-fields.save", h, {"customFieldId": None, "customFieldData": data}
    )
    assert res.status_code == 200, res.text
    field = res.json()["customField"]
    assert field["_id"] == "plan" and field["label"] == "Plan" and field["options"] == "free,pro"
    exists = await _post(client, "livechat/custom-fields.save", h, {"customFieldData": data})
    assert exists.status_code == 400 and exists.json() == {
        "success": False,
        "error": "Custom Field already exists",
    }
    edited = await _post(
        client,
        "livechat/custom-fields.save",
        h,
        {"customFieldId": "plan", "customFieldData": {**data, "label": "Tier"}},
    )
    assert edited.json()["customField"]["label"] == "Tier"
    assert (await get_json(client, "livechat/custom-fields/plan", h))["customField"]["label"] == "Tier"
    missing = await _post(
        client, "livechat/custom-fields.save", h, {"customFieldId": "nope", "customFieldData": data}
    )
    assert missing.json() == {"success": False, "error": "Custom Field Not found"}
    bad_name = await _post(
        client, "livechat/custom-fields.save", h, {"customFieldData": {**data, "field": "a b"}}
    )
    assert bad_name.status_code == 400 and "Use only letters" in bad_name.json()["error"]

    assert (await _post(client, "livechat/custom-fields.delete", h, {"customFieldId": "plan"})).json() == {
        "success": True
    }
    gone = await _post(client, "livechat/custom-fields.delete", h, {"customFieldId": "plan"})
    assert gone.json() == {"success": False, "error": "Custom field not found"}
    assert (await get_json(client, "livechat/custom-fields", h))["total"] == 0

    agent = await make_agent(client, db)
    denied = await _post(client, "livechat/custom-fields.save", agent["headers"], {"customFieldData": data})
    assert denied.status_code == 403 and denied.json() == FORBIDDEN
