// The administration screens, and the permission (as Rocket.Chat names them) each needs to be offered.
import type { Me, Permission } from '../../api/types';

export interface Section {
  id: string;
  label: string;
  /** May this user use the screen? The server checks every call again. */
  allowed: (can: (permission: string) => boolean) => boolean;
}

/** Rocket.Chat's rule for changing a setting: edit-privileged-setting, or manage-selected-settings with
 * change-setting-<id>. */
export const canChangeSetting = (can: (permission: string) => boolean, id: string) =>
  can('edit-privileged-setting') || (can('manage-selected-settings') && can(`change-setting-${id}`));

export const SECTIONS: Section[] = [
  { id: 'agents', label: 'Agents', allowed: (can) => can('manage-livechat-agents') },
  { id: 'managers', label: 'Managers', allowed: (can) => can('manage-livechat-managers') },
  { id: 'departments', label: 'Departments', allowed: (can) => can('manage-livechat-departments') },
  { id: 'tags', label: 'Tags', allowed: (can) => can('manage-livechat-tags') },
  { id: 'custom-fields', label: 'Custom fields', allowed: (can) => can('view-livechat-manager') },
  { id: 'routing', label: 'Routing', allowed: (can) => canChangeSetting(can, 'Livechat_Routing_Method') },
  { id: 'widget', label: 'Widget', allowed: (can) => canChangeSetting(can, 'Livechat_title') },
  { id: 'users', label: 'Users', allowed: (can) => can('view-user-administration') },
];

export function permissionTest(me: Me | undefined, table: Permission[] | undefined): (permission: string) => boolean {
  return (permission) => {
    const entry = table?.find((p) => p._id === permission);
    return !!me && !!entry && entry.roles.some((role) => me.roles.includes(role));
  };
}
