// Writing to the visitor: Enter sends, Shift+Enter starts a new line; the visitor sees the agent typing.
// `!shortcut` offers canned responses; the paperclip (or pasting a file) sends a file.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { sendTyping } from '../../api/streams';
import { useLive } from '../../app/live';
import { Icon } from '../../components/Icon';
import { useCanned } from './canned/CannedPopup';
import { AttachDialog } from './files/AttachDialog';

const TYPING_IDLE_MS = 3_000;
const COMPOSER_SETTINGS = ['FileUpload_Enabled', 'Canned_Responses_Enable'];

/** Which of the composer's tools the workspace has on (the server still checks each use). */
function useComposerSettings(): { uploads: boolean; canned: boolean } {
  const settings = useQuery({
    queryKey: [...keys.settings, ...COMPOSER_SETTINGS],
    queryFn: () => rest.publicSettings(COMPOSER_SETTINGS),
    staleTime: 5 * 60_000,
  });
  return {
    uploads: settings.data?.FileUpload_Enabled !== false,
    canned: settings.data?.Canned_Responses_Enable !== false,
  };
}

export function Composer({ rid, username, onSend }: { rid: string; username: string; onSend: (text: string) => void }) {
  const { ddp } = useLive();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const { uploads, canned: cannedOn } = useComposerSettings();
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const placeCaret = useRef<number | null>(null);

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

  useLayoutEffect(() => {
    if (placeCaret.current === null || !input.current) return;
    input.current.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = null;
  }, [text]);

  const change = (value: string, at: number) => {
    setText(value);
    setCaret(at);
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

  const canned = useCanned(rid, cannedOn, text, caret, (next, at) => {
    placeCaret.current = at;
    change(next, at);
  });

  const send = () => {
    const message = text.trim();
    if (!message) return;
    onSend(message);
    setText('');
    setCaret(0);
    stopTyping();
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.files[0];
    if (uploads && pasted) {
      event.preventDefault();
      setFile(pasted);
    }
  };

  return (
    <>
      <form
        className="composer"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {canned.popup}
        {uploads ? (
          <>
            <input
              ref={picker}
              id={`attach-${rid}`}
              type="file"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="File to send"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                event.target.value = '';
              }}
            />
            <button type="button" className="button button-quiet" aria-label="Attach a file" title="Attach a file" onClick={() => picker.current?.click()}>
              <Icon name="attach" />
            </button>
          </>
        ) : null}
        <label htmlFor={`composer-${rid}`} className="visually-hidden">
          Message
        </label>
        <textarea
          id={`composer-${rid}`}
          ref={input}
          rows={Math.min(8, Math.max(1, text.split('\n').length))}
          placeholder="Enter to send, Shift+Enter for a new line, ! for canned responses"
          value={text}
          onChange={(e) => change(e.target.value, e.target.selectionStart)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={keyDown}
          onPaste={paste}
          {...canned.inputProps}
        />
        <button type="submit" className="button button-primary" disabled={!text.trim()} aria-label="Send">
          <Icon name="send" />
        </button>
      </form>
      {file ? (
        <AttachDialog
          rid={rid}
          file={file}
          onDone={() => {
            setFile(null);
            input.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
