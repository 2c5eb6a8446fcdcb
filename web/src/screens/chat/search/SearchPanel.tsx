// Searching a chat's history (GET livechat/:rid/messages with searchTerm): the matching messages, newest
// first, with the term marked; more pages as the agent asks for them. Choosing one shows it in the chat.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';
import type { Message } from '../../../api/types';
import { Icon } from '../../../components/Icon';
import { longWhen, shortWhen } from '../../../components/time';
import { messageFiles } from '../files/files';
import { excerpt, highlight } from './search';

const PAGE = 25;
const TYPING_PAUSE_MS = 300;

function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function Result({ message, term, onShow }: { message: Message; term: string; onShow: () => void }) {
  const author = message.alias || message.u.name || message.u.username;
  const files = messageFiles(message).map((file) => file.name);
  const text = message.msg || files.join(', ');
  return (
    <li>
      <button type="button" className="search-result" onClick={onShow} title="Show in the chat">
        <span className="search-result-head">
          <span className="msg-author">{author}</span>
          <time dateTime={message.ts} title={longWhen(message.ts)}>
            {shortWhen(message.ts)}
          </time>
        </span>
        <span className="search-result-text">
          {highlight(excerpt(text, term), term).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </span>
      </button>
    </li>
  );
}

type PanelProps = { rid: string; onClose: () => void; onShow: (messageId: string) => void };

export function SearchPanel({ rid, onClose, onShow }: PanelProps) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const term = useSettled(typed.trim(), TYPING_PAUSE_MS);
  const results = useInfiniteQuery({
    queryKey: keys.search(rid, term),
    queryFn: ({ pageParam }) => rest.searchMessages(rid, term, pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.messages.length, 0);
      return loaded < last.total && last.messages.length > 0 ? loaded : undefined;
    },
    enabled: term.length > 0,
    staleTime: 10_000,
  });
  const messages = results.data?.pages.flatMap((page) => page.messages) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  return (
    <aside className="panel search-panel" aria-labelledby="search-title">
      <div className="panel-section-head">
        <h2 id="search-title" className="panel-title">
          Search messages
        </h2>
        <button type="button" className="icon-button" aria-label="Close the search" title="Close the search" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId} className="visually-hidden">
          Search in this chat
        </label>
        <input
          id={inputId}
          type="search"
          placeholder="Search in this chat"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoFocus
        />
      </form>
      <p className="muted small" role="status">
        {!term
          ? 'Type a word to find the messages that contain it.'
          : results.isPending
            ? 'Searching…'
            : results.isError
              ? ''
              : `${total} ${total === 1 ? 'message' : 'messages'} found`}
      </p>
      {results.isError ? (
        <p className="form-error" role="alert">
          {results.error.message}
        </p>
      ) : null}
      {term && messages.length ? (
        <ol className="search-results" aria-label="Search results">
          {messages.map((message) => (
            <Result key={message._id} message={message} term={term} onShow={() => onShow(message._id)} />
          ))}
        </ol>
      ) : null}
      {results.hasNextPage ? (
        <button type="button" className="button button-small" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
          {results.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </aside>
  );
}
