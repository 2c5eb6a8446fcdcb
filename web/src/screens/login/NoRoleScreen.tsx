// A logged-in user who is not an agent, manager or monitor: say so plainly, and offer what they may do.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Me } from '../../api/types';
import { useAuth } from '../../app/auth';
import { usePermission } from '../../app/permissions';

export function NoRoleScreen({ me }: { me: Me }) {
  const { logout } = useAuth();
  const queryClient = useQueryClient();
  const canManageAgents = usePermission('view-livechat-manager');
  const [error, setError] = useState<string | null>(null);

  const becomeAgent = async () => {
    setError(null);
    try {
      await rest.makeAgent(me.username);
      await queryClient.invalidateQueries({ queryKey: keys.me });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <main className="login">
      <section className="login-card" aria-labelledby="norole-title">
        <h1 id="norole-title">This account is not a livechat agent</h1>
        <p>
          You are logged in as <strong>{me.username}</strong>, which has no livechat role (agent, manager or monitor), so
          the desk has no chats to show you.
        </p>
        {canManageAgents ? (
          <p>As an administrator you can make this account an agent now, and then take chats yourself.</p>
        ) : (
          <p>Ask an administrator to add you as a livechat agent.</p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          {canManageAgents ? (
            <button type="button" className="button button-primary" onClick={() => void becomeAgent()}>
              Make me an agent
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      </section>
    </main>
  );
}
