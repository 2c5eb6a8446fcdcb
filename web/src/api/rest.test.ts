import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, callMethod, errorText, onUnauthorized, queryString, sendMessage, setCredentials } from './rest';

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCredentials(null);
});

describe('queryString', () => {
  it('writes arrays as k[]=v (qs reads them) and objects as JSON, skipping empty values', () => {
    expect(queryString({ a: ['x', 'y'], sort: { ts: 1 }, n: 0, skip: undefined, none: null })).toBe(
      '?a[]=x&a[]=y&sort=%7B%22ts%22%3A1%7D&n=0',
    );
    expect(queryString({})).toBe('');
  });
});

describe('errorText', () => {
  it('keeps the server text and drops a trailing [code]', () => {
    expect(errorText('Sorry, no online agents [no-agent-online]', 'x')).toBe('Sorry, no online agents');
    expect(errorText('[invalid-token]', 'x')).toBe('[invalid-token]');
    expect(errorText('error-invalid-room', 'x')).toBe('error-invalid-room');
    expect(errorText(undefined, 'fallback')).toBe('fallback');
  });
});

describe('request', () => {
  it('sends the credentials and shows the server refusal', async () => {
    const fetch = answer(400, { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room' });
    vi.stubGlobal('fetch', fetch);
    setCredentials({ userId: 'u1', authToken: 't1' });
    const error = await sendMessage('r1', 'hi', 'm1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Invalid room');
    expect((error as ApiError).errorType).toBe('error-invalid-room');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/chat.sendMessage');
    expect((init.headers as Record<string, string>)['X-Auth-Token']).toBe('t1');
    expect(JSON.parse(String(init.body))).toEqual({ message: { _id: 'm1', rid: 'r1', msg: 'hi' } });
  });

  it('marks an unreachable server as offline', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await sendMessage('r', 'm', 'i').catch((e: unknown) => e)) as ApiError;
    expect(error.offline).toBe(true);
  });

  it('tells the app when the token is no longer accepted', async () => {
    vi.stubGlobal('fetch', answer(401, { success: false, error: 'You must be logged in to do this.' }));
    const expired = vi.fn();
    onUnauthorized(expired);
    setCredentials({ userId: 'u', authToken: 't' });
    await sendMessage('r', 'm', 'i').catch(() => undefined);
    expect(expired).toHaveBeenCalledOnce();
  });
});

describe('callMethod', () => {
  it('wraps the call in a DDP frame and decodes the EJSON result', async () => {
    const fetch = answer(200, { success: true, message: JSON.stringify({ msg: 'result', id: '1', result: { ts: { $date: 0 } } }) });
    vi.stubGlobal('fetch', fetch);
    expect(await callMethod('loadHistory', 'r', new Date(10))).toEqual({ ts: '1970-01-01T00:00:00.000Z' });
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(JSON.parse(body.message)).toMatchObject({ msg: 'method', method: 'loadHistory', params: ['r', { $date: 10 }] });
  });
  it('raises the method error with its reason', async () => {
    vi.stubGlobal('fetch', answer(200, { success: true, message: JSON.stringify({ msg: 'result', id: '1', error: { error: 'error-not-allowed', reason: 'Not allowed' } }) }));
    await expect(callMethod('x')).rejects.toMatchObject({ message: 'Not allowed', errorType: 'error-not-allowed' });
  });
});
