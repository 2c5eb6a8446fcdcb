import { describe, expect, it } from 'vitest';
import type { Message } from '../../../api/types';
import { fileSize, messageFiles } from './files';

const base: Message = { _id: 'm1', rid: 'r1', msg: '', ts: '2026-01-01T10:00:00.000Z', u: { _id: 'v', username: 'guest' } };

describe('messageFiles', () => {
  it('reads an image and a document from the attachments, with the names, sizes and descriptions', () => {
    const message: Message = {
      ...base,
      file: { _id: 'f1', name: 'part.png', type: 'image/png' },
      files: [
        { _id: 'f1', name: 'part.png', type: 'image/png' },
        { _id: 'f2', name: 'invoice.pdf', type: 'application/pdf', size: 2048 },
      ],
      attachments: [
        { title: 'part.png', title_link: '/file-upload/f1/part.png', image_url: '/file-upload/f1/part.png', image_type: 'image/png', image_size: 900, description: 'the broken part' },
        { title: 'invoice.pdf', title_link: '/file-upload/f2/invoice.pdf', format: 'pdf', size: 2048 },
      ],
    };
    expect(messageFiles(message)).toEqual([
      { key: 'm1-0', name: 'part.png', url: '/file-upload/f1/part.png', image: true, type: 'image/png', size: 900, description: 'the broken part' },
      { key: 'm1-1', name: 'invoice.pdf', url: '/file-upload/f2/invoice.pdf', image: false, type: 'application/pdf', size: 2048, description: undefined },
    ]);
  });

  it('ignores attachments that are not files of this server (quotes, links elsewhere)', () => {
    const message: Message = { ...base, attachments: [{ title: 'x', title_link: 'https://evil.example/x.png', image_url: 'https://evil.example/x.png' }, { text: 'quoted' } as never] };
    expect(messageFiles(message)).toEqual([]);
    expect(messageFiles(base)).toEqual([]);
  });
});

describe('fileSize', () => {
  it('writes bytes as people read them', () => {
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(1024)).toBe('1 KB');
    expect(fileSize(14 * 1024 + 300)).toBe('14 KB');
    expect(fileSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(fileSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(fileSize(undefined)).toBe('');
    expect(fileSize(-1)).toBe('');
  });
});
