"""ORM tables, one module per aggregate; importing this package registers them all on Base.metadata."""

from frontdesk.models.base import Base
from frontdesk.models.canned_responses import CannedResponse
from frontdesk.models.departments import Department, LivechatTag
from frontdesk.models.inquiries import Inquiry, Subscription
from frontdesk.models.livechat import CustomField, DepartmentAgent, OfflineMessage
from frontdesk.models.mail import OutboxMail
from frontdesk.models.messages import Message
from frontdesk.models.permissions import Permission, Role
from frontdesk.models.room_metrics import RoomDayLabelCount, RoomDayMetrics, RoomHourMessages, RoomHourMetrics
from frontdesk.models.rooms import Room, RoomTag
from frontdesk.models.schema import DeferredIndex
from frontdesk.models.settings import Setting
from frontdesk.models.uploads import Upload
from frontdesk.models.users import LoginToken, User
from frontdesk.models.visitors import Visitor

__all__ = [
    "Base",
    "CannedResponse",
    "CustomField",
    "DeferredIndex",
    "Department",
    "DepartmentAgent",
    "Inquiry",
    "LivechatTag",
    "LoginToken",
    "Message",
    "OfflineMessage",
    "OutboxMail",
    "Permission",
    "Role",
    "Room",
    "RoomDayLabelCount",
    "RoomDayMetrics",
    "RoomHourMessages",
    "RoomHourMetrics",
    "RoomTag",
    "Setting",
    "Subscription",
    "Upload",
    "User",
    "Visitor",
]
