import { describe, expect, it } from 'vitest';
import { chatPath, parseRoute } from './router';

describe('routes', () => {
  it('knows the desk paths', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/queue/')).toEqual({ name: 'queue' });
    expect(parseRoute('/offline-messages')).toEqual({ name: 'offline-messages' });
    expect(parseRoute(chatPath('a b'))).toEqual({ name: 'chat', rid: 'a b' });
    expect(parseRoute('/monitoring')).toEqual({ name: 'monitoring' });
    expect(parseRoute('/analytics/')).toEqual({ name: 'analytics' });
    expect(parseRoute('/admin/custom-fields')).toEqual({ name: 'admin', section: 'custom-fields' });
    expect(parseRoute('/nope')).toEqual({ name: 'not-found' });
  });
});
