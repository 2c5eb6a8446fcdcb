// Renders the server's `md` tree (Rocket.Chat's message-parser format) as React elements; the browser never
// parses markdown itself. Unknown nodes fall back to their text so nothing a visitor wrote is hidden.
import { Fragment, type ReactNode } from 'react';
import type { MdNode } from '../api/types';
import { emojiFor } from './emoji';

type Node = MdNode;

const SAFE_URL = /^(https?:|mailto:|tel:|\/\/)/i;

function plainOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as Node;
  if (n.type === 'PLAIN_TEXT') return String(n.value ?? '');
  if (Array.isArray(n.value)) return (n.value as Node[]).map(plainOf).join('');
  if (n.value && typeof n.value === 'object') return plainOf(n.value);
  return '';
}

function href(src: string): string | undefined {
  const url = src.startsWith('//') ? `https:${src}` : src;
  if (SAFE_URL.test(url)) return url;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(url)) return `https://${url}`;
  return undefined;
}

function children(value: unknown, key: string): ReactNode {
  if (!Array.isArray(value)) return value && typeof value === 'object' ? render(value as Node, key) : null;
  return (value as Node[]).map((child, i) => render(child, `${key}.${i}`));
}

function timestamp(node: Node): string {
  const value = node.value as { timestamp?: string; format?: string } | undefined;
  const seconds = Number(value?.timestamp);
  if (!Number.isFinite(seconds)) return '';
  const date = new Date(seconds * 1000);
  switch (value?.format) {
    case 't':
      return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    case 'T':
      return date.toLocaleTimeString();
    case 'd':
      return date.toLocaleDateString();
    case 'D':
      return date.toLocaleDateString([], { dateStyle: 'long' });
    case 'R': {
      const minutes = Math.round((date.getTime() - Date.now()) / 60000);
      return new Intl.RelativeTimeFormat([], { numeric: 'auto' }).format(minutes, 'minute');
    }
    default:
      return date.toLocaleString();
  }
}

function render(node: Node, key: string): ReactNode {
  switch (node.type) {
    case 'PLAIN_TEXT':
      return <Fragment key={key}>{String(node.value ?? '')}</Fragment>;
    case 'PARAGRAPH':
      return <p key={key}>{children(node.value, key)}</p>;
    case 'HEADING': {
      const level = Math.min(Math.max(Number(node.level) || 1, 1), 4);
      return (
        <p key={key} className={`md-heading md-h${level}`} role="heading" aria-level={level + 2}>
          {children(node.value, key)}
        </p>
      );
    }
    case 'BOLD':
      return <strong key={key}>{children(node.value, key)}</strong>;
    case 'ITALIC':
      return <em key={key}>{children(node.value, key)}</em>;
    case 'STRIKE':
      return <del key={key}>{children(node.value, key)}</del>;
    case 'SPOILER':
      return (
        <span key={key} className="md-spoiler" tabIndex={0} title="Spoiler">
          {children(node.value, key)}
        </span>
      );
    case 'SPOILER_BLOCK':
      return (
        <details key={key} className="md-spoiler-block">
          <summary>Spoiler</summary>
          {children(node.value, key)}
        </details>
      );
    case 'INLINE_CODE':
      return <code key={key}>{plainOf(node.value)}</code>;
    case 'CODE':
      return (
        <pre key={key} className="md-code" data-language={String(node.language ?? 'none')}>
          <code>{(node.value as Node[]).map((line) => plainOf(line.value)).join('\n')}</code>
        </pre>
      );
    case 'LINK': {
      const value = node.value as { src: Node; label: Node[] | Node };
      const target = href(plainOf(value.src));
      const label = children(value.label, key);
      return target ? (
        <a key={key} href={target} target="_blank" rel="noopener noreferrer nofollow">
          {label}
        </a>
      ) : (
        <Fragment key={key}>{label}</Fragment>
      );
    }
    case 'IMAGE': {
      const value = node.value as { src: Node; label: Node };
      const target = href(plainOf(value.src));
      return target ? (
        <a key={key} href={target} target="_blank" rel="noopener noreferrer nofollow">
          {plainOf(value.label) || target}
        </a>
      ) : null;
    }
    case 'QUOTE':
      return <blockquote key={key}>{children(node.value, key)}</blockquote>;
    case 'UNORDERED_LIST':
      return <ul key={key}>{children(node.value, key)}</ul>;
    case 'ORDERED_LIST': {
      const items = node.value as Node[];
      const start = Number(items[0]?.number) || 1;
      return (
        <ol key={key} start={start}>
          {children(items, key)}
        </ol>
      );
    }
    case 'LIST_ITEM':
      return <li key={key}>{children(node.value, key)}</li>;
    case 'TASKS':
      return (
        <ul key={key} className="md-tasks">
          {children(node.value, key)}
        </ul>
      );
    case 'TASK':
      return (
        <li key={key}>
          <span aria-hidden="true">{node.status ? '☑' : '☐'} </span>
          <span className="visually-hidden">{node.status ? 'done: ' : 'to do: '}</span>
          {children(node.value, key)}
        </li>
      );
    case 'EMOJI': {
      if (typeof node.unicode === 'string') return <span key={key} className="md-emoji">{node.unicode}</span>;
      const code = String(node.shortCode ?? plainOf(node.value));
      const glyph = emojiFor(code);
      return glyph ? (
        <span key={key} className="md-emoji" role="img" aria-label={code}>
          {glyph}
        </span>
      ) : (
        <Fragment key={key}>{`:${code}:`}</Fragment>
      );
    }
    case 'BIG_EMOJI':
      return (
        <p key={key} className="md-big-emoji">
          {children(node.value, key)}
        </p>
      );
    case 'MENTION_USER': {
      const name = plainOf(node.value);
      return (
        <span key={key} className={`md-mention${name === 'all' || name === 'here' ? ' md-mention-group' : ''}`}>
          @{name}
        </span>
      );
    }
    case 'MENTION_CHANNEL':
      return (
        <span key={key} className="md-mention md-mention-channel">
          #{plainOf(node.value)}
        </span>
      );
    case 'LINE_BREAK':
      return <br key={key} />;
    case 'HORIZONTAL_RULE':
      return <hr key={key} />;
    case 'COLOR': {
      const c = node.value as { r: number; g: number; b: number; a: number };
      const css = `rgba(${c.r}, ${c.g}, ${c.b}, ${(c.a ?? 255) / 255})`;
      return (
        <span key={key} className="md-color">
          <span className="md-swatch" style={{ background: css }} aria-hidden="true" />
          {css}
        </span>
      );
    }
    case 'INLINE_KATEX':
    case 'KATEX':
      return <code key={key}>{String(node.value ?? '')}</code>;
    case 'TIMESTAMP':
      return (
        <time key={key} dateTime={new Date(Number((node.value as { timestamp: string }).timestamp) * 1000).toISOString()}>
          {timestamp(node)}
        </time>
      );
    case 'TABLE': {
      const value = node.value as { header: Node[]; rows: Node[] };
      return (
        <table key={key} className="md-table">
          <thead>
            <tr>{value.header.map((cell, i) => <th key={i}>{children(cell.value, `${key}.h${i}`)}</th>)}</tr>
          </thead>
          <tbody>
            {value.rows.map((row, r) => (
              <tr key={r}>
                {(row.value as Node[]).map((cell, i) => (
                  <td key={i}>{children(cell.value, `${key}.${r}.${i}`)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      return <Fragment key={key}>{plainOf(node)}</Fragment>;
  }
}

export function Markdown({ md, fallback }: { md: MdNode[] | undefined; fallback: string }) {
  if (!md || md.length === 0) return <p>{fallback}</p>;
  return <>{md.map((node, i) => render(node, String(i)))}</>;
}
