// Writing to the visitor: Enter sends, Shift+Enter starts a new line; the visitor sees the agent typing.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { sendTyping } from '../../api/streams';
import { useLive } from '../../app/live';
import { Icon } from '../../components/Icon';

const TYPING_IDLE_MS = 3_000;

export function Composer({ rid, username, onSend }: { rid: string; username: string; onSend: (text: string) => void }) {
  const { ddp } = useLive();
  const [text, setText] = useState('');
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (typing.current) {
      typing.current = false;
      sendTyping(ddp, rid, username, false);
    }
  };

  useEffect(() => {
    input.current?.focus();
    return stopTyping;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rid]);

  const change = (value: string) => {
    setText(value);
    if (!value.trim()) {
      stopTyping();
      return;
    }
    if (!typing.current) {
      typing.current = true;
      sendTyping(ddp, rid, username, true);
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = () => {
    const message = text.trim();
    if (!message) return;
    onSend(message);
    setText('');
    stopTyping();
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={`composer-${rid}`} className="visually-hidden">
        Message
      </label>
      <textarea
        id={`composer-${rid}`}
        ref={input}
        rows={Math.min(8, Math.max(1, text.split('\n').length))}
        placeholder="Write a message — Enter to send, Shift+Enter for a new line"
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={keyDown}
      />
      <button type="submit" className="button button-primary" disabled={!text.trim()} aria-label="Send">
        <Icon name="send" />
      </button>
    </form>
  );
}
