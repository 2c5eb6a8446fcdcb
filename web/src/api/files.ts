// Files over the public API: an agent's upload (rooms.media/:rid, then rooms.mediaConfirm/:rid/:fileId, as
// Rocket.Chat 7's client sends one) and a download of /file-upload/... with the agent's own headers, so a
// file is fetched as the REST calls are (no token in a URL or a cookie the widget could overwrite).
import { ApiError, authHeaders, post, refusal } from './rest';
import type { Message } from './types';

export interface UploadProgress {
  loaded: number;
  total: number;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** POST rooms.media/:rid with the file as multipart `file`; XMLHttpRequest, since fetch tells no progress. */
export function uploadMedia(
  rid: string,
  file: File,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/rooms.media/${encodeURIComponent(rid)}`);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.total || file.size });
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      const fileId = (data?.file as { _id?: unknown } | undefined)?._id;
      if (xhr.status >= 200 && xhr.status < 300 && data?.success !== false && typeof fileId === 'string') {
        resolve(fileId);
      } else {
        reject(refusal(xhr.status, xhr.statusText, data));
      }
    };
    xhr.onerror = () => reject(new ApiError('Cannot reach the server. Check your connection.', 0));
    xhr.onabort = () => reject(new ApiError('The upload was cancelled.', 0, 'aborted'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The uploaded file sent into the room as a message, with the agent's description. */
export const confirmMedia = (rid: string, fileId: string, description: string) =>
  post<{ message: Message }>(
    `rooms.mediaConfirm/${encodeURIComponent(rid)}/${encodeURIComponent(fileId)}`,
    description ? { description } : {},
  ).then((r) => r.message);

/** Only the server's own download path is fetched with the agent's headers; anything else is refused. */
export function isFileUrl(url: string | undefined): url is string {
  return typeof url === 'string' && url.startsWith('/file-upload/');
}

export async function downloadFile(url: string): Promise<Blob> {
  if (!isFileUrl(url)) throw new ApiError('Not a file of this server', 400);
  let response: Response;
  try {
    response = await fetch(url, { headers: authHeaders() });
  } catch {
    throw new ApiError('Cannot reach the server. Check your connection.', 0);
  }
  if (!response.ok) {
    throw new ApiError(
      response.status === 404 ? 'This file is no longer available.' : 'You may not open this file.',
      response.status,
    );
  }
  return response.blob();
}
