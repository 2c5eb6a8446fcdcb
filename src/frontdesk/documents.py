"""The Rocket.Chat documents Frontdesk stores and answers, one TypedDict each: the written shape of
their JSON.

Keys and requiredness follow Rocket.Chat's core-typings (IOmnichannelRoom, IMessage, ILivechatInquiryRecord,
ILivechatVisitor, ISubscription, ILivechatDepartment ...) and what Frontdesk itself always writes; a key
is `NotRequired` where Rocket.Chat's field is optional. Dates are ISO 8601 strings with milliseconds and
Z (`clock.iso`). Documents are plain dicts at run time: these types are for mypy and the OpenAPI schemas.

`JsonObject` is for arbitrary JSON that is not a document of ours (custom field values, a request body,
a projected room): naming it keeps `dict[str, Any]` out of the signatures that carry documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, NotRequired, TypeAlias

# pydantic (which turns these into the OpenAPI document's schemas) needs typing_extensions' TypedDict
# before Python 3.12.
from typing_extensions import TypedDict

JsonObject: TypeAlias = dict[str, Any]
Iso: TypeAlias = str  # an ISO 8601 date as Rocket.Chat writes it: 2024-05-01T10:00:00.000Z

InquiryStatus = Literal["verifying", "queued", "ready", "taken", "open"]
VisitorStatus = Literal["online", "away", "busy", "offline"]


# -- shared pieces ------------------------------------------------------------------------------------
class UserRef(TypedDict):
    """Who wrote a message, who closed a room, whose subscription it is (`u`, `closedBy`)."""

    _id: str
    username: str
    name: NotRequired[str | None]


class VisitorPhone(TypedDict):
    phoneNumber: str


class VisitorEmail(TypedDict):
    address: str


class VisitorRef(TypedDict):
    """The visitor snapshot a room, inquiry or subscription keeps (`v`; IVisitor)."""

    _id: str
    username: str
    token: str
    status: NotRequired[str]
    activity: NotRequired[list[str]]
    lastMessageTs: NotRequired[Iso]
    phone: NotRequired[str | None]


class ServedBy(TypedDict):
    _id: str
    username: str
    ts: Iso


class ResponseBy(TypedDict):
    _id: str
    username: str
    firstResponseTs: Iso
    lastMessageTs: Iso


class RoomSource(TypedDict):
    type: str  # widget | email | sms | app | api | other
    id: NotRequired[str]
    alias: NotRequired[str]
    label: NotRequired[str]
    sidebarIcon: NotRequired[str]
    defaultIcon: NotRequired[str]
    destination: NotRequired[str]


class QueryStart(TypedDict, total=False):
    lq: Iso  # when the visitor's current query began


class LastReply(TypedDict, total=False):
    lr: Iso  # the serving agent's last reply


class ResponseMetrics(TypedDict, total=False):
    """Each key appears with the first agent answer (docs/api/livechat-api.md §4.3)."""

    tt: float
    total: int
    avg: float
    ft: float
    fd: Iso


class ReactionMetrics(TypedDict, total=False):
    tt: float
    ft: float
    fd: Iso


class RoomMetrics(TypedDict, total=False):
    """Filled in as the chat goes on: every key is truly optional."""

    chatDuration: float
    serviceTimeDuration: float
    v: QueryStart
    servedBy: LastReply
    response: ResponseMetrics
    reaction: ReactionMetrics
    visitorInactivity: float


class DepartmentRef(TypedDict):
    _id: str
    name: str | None


# -- messages -----------------------------------------------------------------------------------------
class TransferredBy(TypedDict):
    _id: str
    username: str
    name: NotRequired[str | None]
    userType: Literal["agent", "user", "visitor"]


class TransferredTo(TypedDict):
    _id: str
    username: str
    name: NotRequired[str | None]


class TransferData(TypedDict):
    """A `livechat_transfer_history` message's `transferData` (and an item of transfer.history)."""

    transferredBy: TransferredBy
    ts: Iso
    scope: Literal["agent", "department", "queue"]
    comment: NotRequired[str | None]
    previousDepartment: NotRequired[str]
    nextDepartment: NotRequired[DepartmentRef]
    transferredTo: NotRequired[TransferredTo]


class FileRef(TypedDict):
    """A message's `file` / an item of its `files` (IMessage['file'])."""

    _id: str
    name: str
    type: str
    size: NotRequired[int]
    format: NotRequired[str]


class TranscriptRequestData(TypedDict):
    """A `livechat_transcript_history` message's `requestData`: who asked for the transcript."""

    type: Literal["user", "visitor"]
    visitor: UserRef
    user: NotRequired[UserRef | None]


class MessageFields(TypedDict, total=False):
    """The optional fields of a message (IMessage), as build_message's keyword arguments."""

    t: str  # a system message's type: livechat-started, livechat-close, uj, ul, command ...
    groupable: bool
    token: str  # set iff a visitor sent it
    alias: str | None
    tmid: str
    tshow: bool
    emoji: str
    avatar: str
    attachments: list[JsonObject]
    customFields: JsonObject
    transferData: TransferData
    navigation: JsonObject
    comment: str
    transcriptRequested: bool
    file: FileRef
    files: list[FileRef]
    requestData: TranscriptRequestData


class MessageDoc(MessageFields):
    """A message (IMessage, collection rocketchat_message)."""

    _id: str
    rid: str
    msg: str
    ts: Iso
    u: UserRef
    _updatedAt: Iso
    urls: NotRequired[list[JsonObject]]
    mentions: NotRequired[list[UserRef]]
    channels: NotRequired[list[JsonObject]]
    md: NotRequired[list[JsonObject]]
    editedAt: NotRequired[Iso]
    editedBy: NotRequired[UserRef]


class ImportedMessage(TypedDict):
    """What POST livechat/messages answers for each message it wrote."""

    username: str
    msg: str
    ts: Iso


class DeletedMessage(TypedDict):
    _id: str
    ts: Iso


DeletedVisitor = DeletedMessage  # DELETE livechat/visitor/:token answers the same {_id, ts}


# -- rooms --------------------------------------------------------------------------------------------
class TranscriptRequestedBy(TypedDict):
    _id: str
    username: str
    name: NotRequired[str | None]
    utcOffset: NotRequired[float]


class TranscriptRequest(TypedDict):
    """An agent's request to mail the transcript when the chat closes (room.transcriptRequest)."""

    requestedAt: Iso
    requestedBy: TranscriptRequestedBy
    email: str
    subject: str


class RoomDoc(TypedDict):
    """A livechat room (IOmnichannelRoom, collection rocketchat_room)."""

    _id: str
    t: str  # 'l'
    msgs: int
    usersCount: int
    ts: Iso
    _updatedAt: Iso
    v: VisitorRef
    source: RoomSource
    fname: NotRequired[str]
    lm: NotRequired[Iso]
    cl: NotRequired[bool]
    open: NotRequired[bool]  # true, or absent once closed
    waitingResponse: NotRequired[bool]
    servedBy: NotRequired[ServedBy]
    responseBy: NotRequired[ResponseBy]
    departmentId: NotRequired[str]
    queuedAt: NotRequired[Iso]
    lastMessage: NotRequired[MessageDoc]
    tags: NotRequired[list[str]]
    livechatData: NotRequired[dict[str, str]]
    customFields: NotRequired[JsonObject]
    onHold: NotRequired[bool]
    closedAt: NotRequired[Iso]
    closedBy: NotRequired[UserRef]
    closer: NotRequired[Literal["user", "visitor"]]
    metrics: NotRequired[RoomMetrics]
    priorityWeight: NotRequired[int]
    estimatedWaitingTimeQueue: NotRequired[int]
    priorityId: NotRequired[str]
    slaId: NotRequired[str]
    topic: NotRequired[str]
    surveyFeedback: NotRequired[dict[str, str]]
    sms: NotRequired[JsonObject]
    email: NotRequired[JsonObject]
    department: NotRequired[DepartmentRef]  # added by GET livechat/rooms, never stored
    transcriptRequest: NotRequired[TranscriptRequest]


# -- inquiries, subscriptions, visitors ----------------------------------------------------------------
class DefaultAgent(TypedDict):
    agentId: str
    username: str


class InquirySource(TypedDict):
    type: str


class InquiryDoc(TypedDict):
    """A routing-queue entry (ILivechatInquiryRecord, collection rocketchat_livechat_inquiry)."""

    _id: str
    rid: str
    name: str
    ts: Iso
    message: str
    status: InquiryStatus
    v: VisitorRef
    t: str  # 'l'
    source: InquirySource
    _updatedAt: Iso
    priorityWeight: NotRequired[int]
    estimatedWaitingTimeQueue: NotRequired[int]
    department: NotRequired[str]
    defaultAgent: NotRequired[DefaultAgent]
    queuedAt: NotRequired[Iso]
    takenAt: NotRequired[Iso]
    lastMessage: NotRequired[MessageDoc]
    estimatedInactivityCloseTimeAt: NotRequired[Iso]


class SubscriptionDoc(TypedDict):
    """An agent's subscription to a room they serve or joined (ISubscription)."""

    _id: str
    rid: str
    name: str
    t: str
    u: UserRef
    open: bool
    alert: bool
    unread: int
    userMentions: int
    groupMentions: int
    ts: Iso
    ls: Iso
    lr: Iso
    _updatedAt: Iso
    fname: NotRequired[str | None]
    v: NotRequired[VisitorRef]
    department: NotRequired[str]
    onHold: NotRequired[bool]


class LastAgent(TypedDict):
    agentId: str
    username: str
    ts: Iso


class LastChat(TypedDict):
    _id: str
    ts: Iso


class VisitorDoc(TypedDict):
    """A livechat visitor (ILivechatVisitor, collection rocketchat_livechat_visitor)."""

    _id: str
    username: str
    ts: Iso
    token: str
    _updatedAt: NotRequired[Iso]
    status: NotRequired[str]
    name: NotRequired[str]
    department: NotRequired[str]
    phone: NotRequired[list[VisitorPhone] | None]
    visitorEmails: NotRequired[list[VisitorEmail]]
    livechatData: NotRequired[dict[str, str]]
    lastChat: NotRequired[LastChat]
    lastAgent: NotRequired[LastAgent]
    activity: NotRequired[list[str]]
    disabled: NotRequired[bool]
    contactManager: NotRequired[JsonObject]


# -- catalogues -----------------------------------------------------------------------------------------
class DepartmentDoc(TypedDict):
    """A department (ILivechatDepartment); managers may store extra scalar fields of their own."""

    _id: str
    name: str
    enabled: bool
    _updatedAt: Iso
    email: NotRequired[str]
    description: NotRequired[str | None]
    showOnRegistration: NotRequired[bool]
    showOnOfflineForm: NotRequired[bool]
    type: NotRequired[str]
    numAgents: NotRequired[int]
    archived: NotRequired[bool]
    requestTagBeforeClosingChat: NotRequired[bool | None]
    chatClosingTags: NotRequired[list[str] | None]
    fallbackForwardDepartment: NotRequired[str | None]
    departmentsAllowedToForward: NotRequired[list[str] | None]
    maxNumberSimultaneousChat: NotRequired[int | str | None]
    allowReceiveForwardOffline: NotRequired[bool | None]
    offlineMessageChannelName: NotRequired[str | None]
    abandonedRoomsCloseCustomMessage: NotRequired[str | None]
    waitingQueueMessage: NotRequired[str | None]


class DepartmentAgentDoc(TypedDict):
    """An agent's membership of a department (ILivechatDepartmentAgents)."""

    _id: str
    agentId: str
    departmentId: str
    departmentEnabled: bool
    username: str
    count: int
    order: int
    departmentName: NotRequired[str | None]


class CustomFieldDoc(TypedDict):
    """A livechat custom field definition (ILivechatCustomField); `_id` is the field's name."""

    _id: str
    _updatedAt: Iso
    label: NotRequired[str]
    scope: NotRequired[Literal["visitor", "room"]]
    visibility: NotRequired[str]
    type: NotRequired[str]
    regexp: NotRequired[str]
    required: NotRequired[bool]
    defaultValue: NotRequired[str]
    options: NotRequired[str]
    public: NotRequired[bool]
    searchable: NotRequired[bool]


class TagDoc(TypedDict):
    """A livechat tag (ILivechatTag)."""

    _id: str
    name: str
    description: str
    numDepartments: int
    departments: list[str]
    _updatedAt: Iso


class PermissionDoc(TypedDict):
    _id: str
    roles: list[str]
    _updatedAt: Iso


class RoleDoc(TypedDict):
    """A role as roles.list shows it (Rocket.Chat's IRole; a default role's _id is its name)."""

    _id: str
    name: str
    description: str
    scope: str
    protected: bool
    mandatory2fa: bool


class OfflineMessageDoc(TypedDict):
    """What a visitor leaves through the widget's offline form."""

    _id: str
    ts: Iso
    name: str
    email: str
    message: str
    department: NotRequired[str]
    host: NotRequired[str]
    mailedTo: NotRequired[list[str]]  # where it was mailed (queued in the outbox with it)


class UploadDoc(TypedDict):
    """An uploaded file's metadata (IUpload, collection rocketchat_uploads); its bytes are on disk."""

    _id: str
    name: str
    size: int
    type: str
    rid: str
    store: str  # FileSystem:Uploads
    complete: bool
    uploading: bool
    extension: str
    progress: int
    uploadedAt: Iso
    _updatedAt: Iso
    url: str  # /file-upload/<_id>/<name>, where it is downloaded
    path: str
    typeGroup: str  # image, audio, video, application ...
    userId: NotRequired[str]
    visitorToken: NotRequired[str]
    description: NotRequired[str]
    expiresAt: NotRequired[Iso]  # an upload no message carries yet is removed then
    user: NotRequired[UserRef]  # the uploading agent, added when listed (IUploadWithUser)


class CreatedBy(TypedDict):
    _id: str
    username: str


class CannedResponseDoc(TypedDict):
    """A canned response (IOmnichannelCannedResponse)."""

    _id: str
    shortcut: str
    text: str
    scope: Literal["global", "department", "user"]
    createdBy: CreatedBy
    _createdAt: Iso
    _updatedAt: Iso
    tags: NotRequired[list[str]]
    departmentId: NotRequired[str]
    departmentName: NotRequired[str | None]  # added when listed, never stored
    userId: NotRequired[str]


class MailDoc(TypedDict):
    """A mail in the outbox: the headers and both bodies, ready for any SMTP server."""

    to: list[str]
    subject: str
    html: str
    text: str
    replyTo: NotRequired[str]
    fromName: NotRequired[str]  # shown before From_Email's address


# -- people as the API shows them --------------------------------------------------------------------------
class EmailAddress(TypedDict):
    address: str
    verified: bool


class AgentCard(TypedDict):
    """The serving agent as a visitor sees them (livechat/agent.info, the widget's agentData)."""

    _id: str
    username: str
    name: str | None
    status: str | None
    emails: NotRequired[list[EmailAddress]]
    phone: NotRequired[str]
    customFields: NotRequired[JsonObject]


class HiddenAgent(TypedDict):
    """What a visitor learns about the agent when Livechat_show_agent_info is off."""

    hiddenInfo: bool


class UserCard(TypedDict):
    """An agent or manager in the livechat user lists."""

    _id: str
    username: str
    name: str | None
    status: str | None
    statusLivechat: NotRequired[str]
    emails: NotRequired[list[EmailAddress]]
    livechat: NotRequired[JsonObject]
    departments: NotRequired[list[str]]


class QueueUser(TypedDict):
    _id: str
    username: NotRequired[str]
    status: NotRequired[str | None]


class QueueDepartmentRef(TypedDict):
    _id: str | None
    name: str | None


class QueueRow(TypedDict):
    """A row of GET livechat/queue: one agent's open chats in one department."""

    user: QueueUser
    department: QueueDepartmentRef
    chats: int


# -- what the desk reads ------------------------------------------------------------------------------------
class LoadedHistory(TypedDict):
    """loadHistory's answer: a page of a room's messages, newest first."""

    messages: list[MessageDoc]


class RoutingConfig(TypedDict):
    """livechat/config/routing: what the routing method lets clients offer (RoutingManager.getConfig)."""

    previewRoom: bool
    showConnecting: bool
    showQueue: bool
    showQueueLink: bool
    returnQueue: bool
    enableTriggerAction: bool
    autoAssignAgent: bool


class PublicSetting(TypedDict):
    """A setting as settings.public lists it."""

    _id: str
    value: Any


# -- reading what nested optional fields hold -------------------------------------------------------------
def served_by_id(room: RoomDoc) -> str | None:
    """The serving agent's id, None while nobody serves the room."""
    served = room.get("servedBy")
    return served["_id"] if served else None


def picked(doc: Mapping[str, Any], keys: Iterable[str]) -> JsonObject:
    """Some of a document's fields, in `keys` order (a projection: no longer the document's type)."""
    return {k: doc[k] for k in keys if k in doc}
