// The Rocket.Chat documents the desk reads, as the server sends them (dates as ISO strings).

export type MdNode = { type: string; value?: unknown; [key: string]: unknown };

export interface UserRef {
  _id: string;
  username: string;
  name?: string;
}

export interface Me extends UserRef {
  roles: string[];
  status: 'online' | 'away' | 'busy' | 'offline';
  statusLivechat?: 'available' | 'not-available';
  emails?: { address: string }[];
}

export interface RoomSource {
  type: 'widget' | 'email' | 'sms' | 'app' | 'api' | 'other' | string;
  id?: string;
  alias?: string;
  label?: string;
  sidebarIcon?: string;
  defaultIcon?: string;
  destination?: string;
}

export interface VisitorRef {
  _id: string;
  username: string;
  token: string;
  status?: string;
  phone?: { phoneNumber: string }[];
}

export interface Message {
  _id: string;
  rid: string;
  msg: string;
  ts: string;
  u: UserRef;
  t?: string;
  md?: MdNode[];
  token?: string;
  alias?: string;
  editedAt?: string;
  comment?: string;
  transferData?: TransferData;
  navigation?: { page?: { title?: string; location?: { href?: string } } };
  file?: FileRef;
  files?: FileRef[];
  attachments?: Attachment[];
}

/** A file a message carries (`file`, `files[i]`): where it is downloaded is in its attachment. */
export interface FileRef {
  _id: string;
  name: string;
  type: string;
  size?: number;
  format?: string;
}

/** A message attachment as Rocket.Chat builds one for an uploaded file (image/audio/video ones inline). */
export interface Attachment {
  title?: string;
  type?: string;
  title_link?: string;
  title_link_download?: boolean;
  description?: string;
  image_url?: string;
  image_type?: string;
  image_size?: number;
  audio_url?: string;
  video_url?: string;
  format?: string;
  size?: number;
}

export interface TransferData {
  transferredBy?: UserRef & { userType?: string };
  transferredTo?: UserRef;
  nextDepartment?: { _id: string; name?: string };
  previousDepartment?: string;
  scope?: string;
  comment?: string;
  ts?: string;
}

export interface Room {
  _id: string;
  t: string;
  fname?: string;
  ts: string;
  lm?: string;
  open?: boolean;
  onHold?: boolean;
  v: VisitorRef;
  servedBy?: UserRef & { ts?: string };
  departmentId?: string;
  source?: RoomSource;
  lastMessage?: Message;
  waitingResponse?: boolean;
  tags?: string[];
  topic?: string;
  livechatData?: Record<string, string>;
  closedAt?: string;
  _updatedAt?: string;
}

export interface Subscription {
  _id: string;
  rid: string;
  name: string;
  fname?: string;
  t: string;
  open: boolean;
  alert?: boolean;
  unread?: number;
  ls?: string;
  u: UserRef;
  v?: VisitorRef;
  department?: string;
  onHold?: boolean;
  _updatedAt?: string;
}

export interface Inquiry {
  _id: string;
  rid: string;
  name: string;
  ts: string;
  queuedAt?: string;
  status: string;
  message?: string;
  lastMessage?: Message;
  department?: string;
  v: VisitorRef;
  source?: RoomSource;
}

export interface Visitor {
  _id: string;
  username: string;
  name?: string;
  token?: string;
  visitorEmails?: { address: string }[];
  phone?: { phoneNumber: string }[];
  livechatData?: Record<string, string>;
  department?: string;
  status?: string;
  ts?: string;
}

export interface Department {
  _id: string;
  name: string;
  enabled?: boolean;
}

export interface Agent extends UserRef {
  status?: string;
  statusLivechat?: string;
}

export interface Tag {
  _id: string;
  name: string;
  description?: string;
}

export interface CustomField {
  _id: string;
  label: string;
  scope: 'visitor' | 'room';
  visibility?: string;
  type?: string;
  required?: boolean;
  options?: string;
}

export interface RoutingConfig {
  previewRoom: boolean;
  showQueue: boolean;
  returnQueue: boolean;
  autoAssignAgent: boolean;
  showConnecting?: boolean;
}

export interface Permission {
  _id: string;
  roles: string[];
}

export interface Paged {
  count: number;
  offset: number;
  total: number;
}

/** GET livechat/rooms?facets=...: exact room counts per filter value. */
export interface Facets {
  status?: { open: number; closed: number; queued: number; onhold: number };
  department?: Record<string, number>;
  agent?: Record<string, number>;
  tag?: Record<string, number>;
  source?: Record<string, number>;
}

export interface RoomMetrics {
  chatDuration?: number;
  reaction?: { ft?: number; tt?: number; fd?: string };
  response?: { ft?: number; avg?: number; tt?: number; total?: number; fd?: string };
}

/** A room as the manager's listing answers it (with its department's name and metrics). */
export interface ListedRoom extends Room {
  msgs?: number;
  department?: { _id: string; name: string | null };
  metrics?: RoomMetrics;
  closer?: string;
  queuedAt?: string;
}

/** A canned response (IOmnichannelCannedResponse), as canned-responses.get lists them. */
export interface CannedResponse {
  _id: string;
  shortcut: string;
  text: string;
  scope: 'global' | 'department' | 'user';
  tags?: string[];
  departmentId?: string;
}

/** What a visitor left through the widget's offline form (livechat/offline.messages). */
export interface OfflineMessage {
  _id: string;
  ts: string;
  name: string;
  email: string;
  message: string;
  department?: string;
  host?: string;
  mailedTo?: string[];
}
