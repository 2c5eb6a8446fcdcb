// Going available sets the presence online (if it was offline) and the livechat status in one gesture.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Me } from '../../api/types';
import { useMe } from '../../app/permissions';
import { availabilityOf } from './availability';

export function useAvailability() {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const availability = availabilityOf(me);
  const mutation = useMutation({
    mutationFn: async (available: boolean) => {
      if (available && me?.status === 'offline') await rest.setPresence('online');
      await rest.setLivechatStatus(available ? 'available' : 'not-available');
    },
    onSuccess: (_, available) => {
      queryClient.setQueryData<Me>(keys.me, (old) =>
        old
          ? {
              ...old,
              statusLivechat: available ? 'available' : 'not-available',
              status: available && old.status === 'offline' ? 'online' : old.status,
            }
          : old,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  return { availability, set: mutation.mutate, pending: mutation.isPending, error: mutation.error };
}
