// What the logged-in user may do, from the server's own permission table and the user's roles (as
// Rocket.Chat's client decides which actions to offer); the server still checks every call.
import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import * as rest from '../api/rest';
import type { Me } from '../api/types';
import { useAuth } from './auth';

export const LIVECHAT_ROLES = ['livechat-agent', 'livechat-manager', 'livechat-monitor'];

export function useMe() {
  const { credentials } = useAuth();
  return useQuery({ queryKey: keys.me, queryFn: rest.me, staleTime: 60_000, enabled: !!credentials });
}

export function usePermissions() {
  const { credentials } = useAuth();
  return useQuery({ queryKey: keys.permissions, queryFn: rest.permissions, staleTime: 5 * 60_000, enabled: !!credentials });
}

export function hasRole(me: Me | undefined, roles: string[]): boolean {
  return !!me && me.roles.some((role) => roles.includes(role));
}

export function usePermission(permission: string): boolean {
  const me = useMe().data;
  const table = usePermissions().data;
  const entry = table?.find((p) => p._id === permission);
  return !!me && !!entry && entry.roles.some((role) => me.roles.includes(role));
}
