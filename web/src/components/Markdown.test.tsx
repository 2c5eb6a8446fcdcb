import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MdNode } from '../api/types';
import { Markdown } from './Markdown';

const P = (value: string): MdNode => ({ type: 'PLAIN_TEXT', value });
const html = (md: MdNode[]) => renderToStaticMarkup(<Markdown md={md} fallback="fallback" />);

// Trees as the server's parser writes them (tests/markdown/data/extra-corpus.jsonl has thousands more).
describe('Markdown from the md tree', () => {
  it('renders emphasis, code and strike', () => {
    const md: MdNode[] = [
      {
        type: 'PARAGRAPH',
        value: [
          { type: 'BOLD', value: [P('bold')] },
          P(' '),
          { type: 'ITALIC', value: [P('it')] },
          P(' '),
          { type: 'STRIKE', value: [P('gone')] },
          P(' '),
          { type: 'INLINE_CODE', value: P('x = 1') },
        ],
      },
      { type: 'CODE', language: 'none', value: [{ type: 'CODE_LINE', value: P('a') }, { type: 'CODE_LINE', value: P('b') }] },
    ];
    expect(html(md)).toBe(
      '<p><strong>bold</strong> <em>it</em> <del>gone</del> <code>x = 1</code></p><pre class="md-code" data-language="none"><code>a\nb</code></pre>',
    );
  });

  it('links only safe URLs, always in a new tab without referrer', () => {
    const link = (src: string): MdNode => ({ type: 'LINK', value: { src: P(src), label: [P('here')] } });
    expect(html([{ type: 'PARAGRAPH', value: [link('https://example.com/a')] }])).toContain(
      '<a href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow">here</a>',
    );
    expect(html([{ type: 'PARAGRAPH', value: [link('javascript:alert(1)')] }])).toBe('<p>here</p>');
    expect(html([{ type: 'PARAGRAPH', value: [link('//1.no')] }])).toContain('href="https://1.no"');
  });

  it('renders quotes, lists, tasks, emoji and mentions', () => {
    const md: MdNode[] = [
      { type: 'QUOTE', value: [{ type: 'PARAGRAPH', value: [P('q')] }] },
      { type: 'UNORDERED_LIST', value: [{ type: 'LIST_ITEM', value: [P('one')] }] },
      { type: 'ORDERED_LIST', value: [{ type: 'LIST_ITEM', value: [P('three')], number: 3 }] },
      { type: 'TASKS', value: [{ type: 'TASK', status: true, value: [P('done')] }] },
      {
        type: 'PARAGRAPH',
        value: [
          { type: 'EMOJI', value: P('smile'), shortCode: 'smile' },
          { type: 'EMOJI', unicode: '🎉' },
          { type: 'EMOJI', value: P('nosuch'), shortCode: 'nosuch' },
          { type: 'MENTION_USER', value: P('ada') },
          { type: 'MENTION_CHANNEL', value: P('general') },
        ],
      },
    ];
    const out = html(md);
    expect(out).toContain('<blockquote><p>q</p></blockquote>');
    expect(out).toContain('<ul><li>one</li></ul>');
    expect(out).toContain('<ol start="3"><li>three</li></ol>');
    expect(out).toContain('done');
    expect(out).toContain('aria-label="smile">😄</span>');
    expect(out).toContain('🎉');
    expect(out).toContain(':nosuch:');
    expect(out).toContain('@ada');
    expect(out).toContain('#general');
  });

  it('never injects HTML a visitor typed, and falls back to the raw text', () => {
    expect(html([{ type: 'PARAGRAPH', value: [P('<img src=x onerror=alert(1)>')] }])).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(html([])).toBe('<p>fallback</p>');
    expect(html([{ type: 'SOMETHING_NEW', value: [P('kept')] }])).toBe('kept');
  });
});
