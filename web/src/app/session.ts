// The login kept across reloads: the user id and resume token, as Rocket.Chat's web client keeps them.
import type { Credentials } from '../api/rest';

const KEY = 'frontdesk.session';

export function loadSession(storage: Storage = window.localStorage): Credentials | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Credentials>;
    return typeof parsed.userId === 'string' && typeof parsed.authToken === 'string'
      ? { userId: parsed.userId, authToken: parsed.authToken }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(credentials: Credentials, storage: Storage = window.localStorage): void {
  storage.setItem(KEY, JSON.stringify(credentials));
}

export function clearSession(storage: Storage = window.localStorage): void {
  storage.removeItem(KEY);
}
