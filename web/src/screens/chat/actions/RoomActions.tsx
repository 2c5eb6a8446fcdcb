// The header's actions on a chat: take, forward, hold / resume, return to queue, close, the visitor panel.
// Each is offered by the user's permissions; the server decides, and a refusal shows its own words.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../../api/keys';
import * as rest from '../../../api/rest';
import type { Room } from '../../../api/types';
import { usePermission } from '../../../app/permissions';
import { navigate } from '../../../app/router';
import { Icon } from '../../../components/Icon';
import { useTake } from '../../queue/QueueScreen';
import { CloseDialog } from './CloseDialog';
import { ForwardDialog } from './ForwardDialog';

export type Panel = 'info' | 'search' | null;
type Props = { room: Room; mine: boolean; panel: Panel; onPanel: (panel: Panel) => void };

export function RoomActions({ room, mine, panel, onPanel }: Props) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'close' | 'forward' | null>(null);
  const canClose = usePermission('close-livechat-room');
  const canCloseOthers = usePermission('close-others-livechat-room');
  const canForward = usePermission('transfer-livechat-guest');
  const canHold = usePermission('on-hold-livechat-room');
  const routing = useQuery({ queryKey: keys.routing, queryFn: rest.routingConfig, staleTime: 5 * 60_000 });
  const inquiry = useQuery({
    queryKey: keys.inquiry(room._id),
    queryFn: () => rest.inquiryOfRoom(room._id),
    enabled: room.open === true && !room.servedBy,
  });
  const take = useTake();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.room(room._id) });
    void queryClient.invalidateQueries({ queryKey: keys.rooms });
    void queryClient.invalidateQueries({ queryKey: keys.subscriptions });
  };
  const action = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: refresh,
  });
  const open = room.open === true;
  const served = !!room.servedBy;

  return (
    <div className="chat-actions">
      <div className="toolbar" role="toolbar" aria-label="Chat actions">
        {open && !served && inquiry.data ? (
          <button type="button" className="button button-primary" disabled={take.isPending} onClick={() => take.mutate(inquiry.data!)}>
            <Icon name="hand" /> Take
          </button>
        ) : null}
        {open && served && canForward && !room.onHold ? (
          <button type="button" className="button" onClick={() => setDialog('forward')}>
            <Icon name="forward" /> Forward
          </button>
        ) : null}
        {open && mine && canHold && !room.onHold ? (
          <button type="button" className="button" disabled={action.isPending} onClick={() => action.mutate(() => rest.placeOnHold(room._id))}>
            <Icon name="pause" /> Place on hold
          </button>
        ) : null}
        {open && room.onHold ? (
          <button type="button" className="button button-primary" disabled={action.isPending} onClick={() => action.mutate(() => rest.resumeOnHold(room._id))}>
            <Icon name="play" /> Resume
          </button>
        ) : null}
        {open && mine && routing.data?.returnQueue && !room.onHold ? (
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() => action.mutate(() => rest.returnToQueue(room._id).then(() => navigate('/')))}
          >
            <Icon name="undo" /> Return to queue
          </button>
        ) : null}
        {open && canClose && (mine || canCloseOthers) ? (
          <button type="button" className="button button-danger" onClick={() => setDialog('close')}>
            <Icon name="check" /> Close
          </button>
        ) : null}
        <button type="button" className="button button-quiet" aria-pressed={panel === 'search'} onClick={() => onPanel(panel === 'search' ? null : 'search')}>
          <Icon name="search" /> Search messages
        </button>
        <button type="button" className="button button-quiet" aria-pressed={panel === 'info'} onClick={() => onPanel(panel === 'info' ? null : 'info')}>
          <Icon name="info" /> Room info
        </button>
      </div>
      {take.error || action.error ? (
        <p className="form-error small" role="alert">
          {(take.error ?? action.error)?.message}
        </p>
      ) : null}
      {dialog === 'close' ? <CloseDialog room={room} onDone={() => { setDialog(null); refresh(); }} onCancel={() => setDialog(null)} /> : null}
      {dialog === 'forward' ? <ForwardDialog room={room} onDone={() => { setDialog(null); refresh(); navigate('/'); }} onCancel={() => setDialog(null)} /> : null}
    </div>
  );
}
