import { describe, expect, it } from 'vitest';
import { permissionTest, SECTIONS } from './sections';
import { installSnippet } from './snippet';

describe('the install snippet', () => {
  it('points the loader at this server', () => {
    const snippet = installSnippet('https://chat.example.com/');
    expect(snippet).toContain("j.src = 'https://chat.example.com/livechat/rocketchat-livechat.min.js");
    expect(snippet).toContain("'script', 'https://chat.example.com/livechat')");
  });
});

describe('the administration screens offered', () => {
  const table = [
    { _id: 'manage-livechat-agents', roles: ['livechat-manager'] },
    { _id: 'manage-selected-settings', roles: ['livechat-manager'] },
    { _id: 'change-setting-Livechat_Routing_Method', roles: ['livechat-manager'] },
    { _id: 'view-user-administration', roles: ['admin'] },
  ];
  const offered = (roles: string[]) => {
    const can = permissionTest({ _id: 'u', username: 'u', roles, status: 'online' }, table);
    return SECTIONS.filter((s) => s.allowed(can)).map((s) => s.id);
  };
  it('follows the permission table', () => {
    expect(offered(['livechat-manager'])).toEqual(['agents', 'routing']);
    expect(offered(['admin'])).toEqual(['users']);
    expect(offered(['livechat-agent'])).toEqual([]);
  });
});
