// The administration's REST calls (agents, managers, departments, tags, custom fields, settings, users,
// roles): Rocket.Chat's paths and bodies, through the one REST client.
import { callMethod, get, post, request } from './rest';
import type { Agent, CustomField, Department, Paged, Tag } from './types';

export interface AdminUser {
  _id: string;
  username: string;
  name?: string;
  active: boolean;
  status?: string;
  roles: string[];
  emails?: { address: string }[];
}

export interface LivechatUser extends Agent {
  emails?: { address: string }[];
  livechat?: { maxNumberSimultaneousChat?: number | string };
}

export interface Role {
  _id: string;
  name: string;
  description: string;
  protected: boolean;
}

export interface DepartmentDetail extends Department {
  description?: string;
  email?: string;
  showOnRegistration?: boolean;
  showOnOfflineForm?: boolean;
  requestTagBeforeClosingChat?: boolean;
  chatClosingTags?: string[];
  maxNumberSimultaneousChat?: number | string;
  numAgents?: number;
}

export interface DepartmentMember {
  agentId: string;
  username: string;
  name?: string;
}

export type DepartmentData = Omit<DepartmentDetail, '_id' | 'numAgents'>;
export type CustomFieldData = Omit<CustomField, '_id'> & { field: string };
export type SettingValue = string | number | boolean;

// -- agents and managers (livechat/users/:kind) --------------------------------------------------------
export const livechatUsers = (kind: 'agent' | 'manager', text: string) =>
  // every agent, offline ones too (showIdleAgents), as an administration lists them
  get<Paged & { users: LivechatUser[] }>(`livechat/users/${kind}`, { text, count: 100, sort: { username: 1 }, ...(kind === 'agent' ? { showIdleAgents: true } : {}) });
export const addLivechatUser = (kind: 'agent' | 'manager', username: string) =>
  post<unknown>(`livechat/users/${kind}`, { username });
export const removeLivechatUser = (kind: 'agent' | 'manager', id: string) =>
  request<unknown>('DELETE', `livechat/users/${kind}/${encodeURIComponent(id)}`);
export const agentDepartments = (agentId: string) =>
  get<{ departments: { departmentId: string }[] }>(`livechat/agents/${encodeURIComponent(agentId)}/departments`).then(
    (r) => r.departments.map((d) => d.departmentId),
  );
export const saveAgentInfo = (agentId: string, maxChats: number | null, departmentIds: string[]) =>
  callMethod<boolean>('livechat:saveAgentInfo', agentId, { maxNumberSimultaneousChat: maxChats ?? '' }, departmentIds);

// -- departments ------------------------------------------------------------------------------------------
export const allDepartments = () =>
  get<Paged & { departments: DepartmentDetail[] }>('livechat/department', { count: 100, sort: { name: 1 } }).then(
    (r) => r.departments,
  );
export const departmentWithAgents = (id: string) =>
  get<{ department: DepartmentDetail; agents: DepartmentMember[] }>(`livechat/department/${encodeURIComponent(id)}`, {
    includeAgents: 'true',
  });
export const createDepartment = (department: DepartmentData, agentIds: string[]) =>
  post<{ department: DepartmentDetail }>('livechat/department', {
    department,
    agents: agentIds.map((agentId) => ({ agentId })),
  });
export const updateDepartment = (id: string, department: DepartmentData) =>
  request<{ department: DepartmentDetail }>('PUT', `livechat/department/${encodeURIComponent(id)}`, {
    body: { department },
  });
export const saveDepartmentAgents = (id: string, upsert: DepartmentMember[], remove: DepartmentMember[]) =>
  post<unknown>(`livechat/department/${encodeURIComponent(id)}/agents`, { upsert, remove });
export const removeDepartment = (id: string) =>
  request<unknown>('DELETE', `livechat/department/${encodeURIComponent(id)}`);

// -- tags and custom fields ---------------------------------------------------------------------------------
export const allTags = () =>
  get<Paged & { tags: (Tag & { departments?: string[] })[] }>('livechat/tags', { text: '', count: 100 }).then((r) => r.tags);
export const saveTag = (id: string | null, name: string, description: string, departments: string[]) =>
  post<Tag>('livechat/tags.save', { ...(id ? { _id: id } : {}), tagData: { name, description }, tagDepartments: departments });
export const removeTag = (id: string) => post<unknown>('livechat/tags.delete', { id });
export const saveCustomField = (id: string | null, data: CustomFieldData) =>
  post<{ customField: CustomField }>('livechat/custom-fields.save', { customFieldId: id, customFieldData: data });
export const removeCustomField = (id: string) => post<unknown>('livechat/custom-fields.delete', { customFieldId: id });

// -- settings (settings/:_id) ----------------------------------------------------------------------------
export const setting = (id: string) =>
  get<{ value: SettingValue }>(`settings/${encodeURIComponent(id)}`).then((r) => r.value);
export const settingsOf = async (ids: readonly string[]) =>
  Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await setting(id)] as const))) as Record<string, SettingValue>;
export const saveSetting = (id: string, value: SettingValue) => post<unknown>(`settings/${encodeURIComponent(id)}`, { value });

// -- users and roles ---------------------------------------------------------------------------------------
export const users = (text: string, offset: number, count: number) =>
  get<Paged & { users: AdminUser[] }>('users.list', { text, offset, count, sort: { username: 1 } });
export const roles = () => get<{ roles: Role[] }>('roles.list').then((r) => r.roles);
export const createUser = (data: { name: string; username: string; email: string; password: string; roles: string[] }) =>
  post<{ user: AdminUser }>('users.create', data);
export const updateUser = (
  userId: string,
  data: { name?: string; email?: string; username?: string; password?: string; active?: boolean; roles?: string[] },
) => post<{ user: AdminUser }>('users.update', { userId, data });
export const deleteUser = (userId: string) => post<unknown>('users.delete', { userId });
