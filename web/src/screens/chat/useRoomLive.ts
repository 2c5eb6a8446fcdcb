// One open room's live events: its messages into the history cache, deletions, and who is typing.
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../../api/keys';
import { watchRoom } from '../../api/streams';
import type { Message } from '../../api/types';
import { addMessage, deleteMessage } from '../../app/cache';
import { useLive } from '../../app/live';

const TYPING_TTL_MS = 15_000;

export function useRoomLive(rid: string, myUsername: string | undefined): string[] {
  const { ddp } = useLive();
  const queryClient = useQueryClient();
  const [typing, setTyping] = useState<Record<string, number>>({});

  useEffect(() => {
    const stop = watchRoom(ddp, rid, {
      message: (message) => {
        queryClient.setQueryData<InfiniteData<Message[]>>(keys.history(rid), (data) => addMessage(data, message));
        if (message.t) {
          // a state change (closed, forwarded, on hold...): the room document changed too
          void queryClient.invalidateQueries({ queryKey: keys.room(rid) });
          if (message.t === 'livechat_transfer_history') void queryClient.invalidateQueries({ queryKey: keys.transfers(rid) });
        }
        setTyping((current) => {
          if (!(message.u.username in current)) return current;
          const next = { ...current };
          delete next[message.u.username];
          return next;
        });
      },
      deleted: (messageId) =>
        queryClient.setQueryData<InfiniteData<Message[]>>(keys.history(rid), (data) => deleteMessage(data, messageId)),
      activity: (username, activities) => {
        if (username === myUsername) return;
        setTyping((current) => {
          const next = { ...current };
          if (activities.includes('user-typing')) next[username] = Date.now() + TYPING_TTL_MS;
          else delete next[username];
          return next;
        });
      },
    });
    return stop;
  }, [ddp, rid, myUsername, queryClient]);

  useEffect(() => {
    const names = Object.keys(typing);
    if (!names.length) return;
    const soonest = Math.min(...Object.values(typing));
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, until]) => until > now)));
    }, Math.max(50, soonest - Date.now()));
    return () => clearTimeout(timer);
  }, [typing]);

  return Object.keys(typing);
}
