// The desk's root: the query cache, who is logged in, and which screen that person gets.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../api/keys';
import * as rest from '../api/rest';
import { ApiError } from '../api/rest';
import { useSections } from '../screens/admin/useSections';
import { LoginScreen } from '../screens/login/LoginScreen';
import { NoRoleScreen } from '../screens/login/NoRoleScreen';
import { AuthProvider, useAuth } from './auth';
import { LiveProvider } from './live';
import { hasRole, LIVECHAT_ROLES, useMe } from './permissions';
import { Shell } from './Shell';

function makeClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** What every desk screen needs, asked for together with `me` rather than after it. */
function usePrefetch(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    void queryClient.prefetchQuery({ queryKey: keys.subscriptions, queryFn: rest.subscriptions });
    void queryClient.prefetchQuery({ queryKey: keys.rooms, queryFn: rest.rooms });
    void queryClient.prefetchQuery({ queryKey: keys.permissions, queryFn: rest.permissions });
    void queryClient.prefetchQuery({ queryKey: keys.routing, queryFn: rest.routingConfig });
  }, [enabled, queryClient]);
}

function Gate() {
  const { credentials, logout } = useAuth();
  const me = useMe();
  const admin = useSections(); // an administrator without a livechat role still gets the screens they may use
  usePrefetch(!!credentials);
  if (!credentials) return <LoginScreen />;
  if (me.isPending) {
    return (
      <div className="splash" role="status">
        Loading your desk…
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="splash" role="alert">
        <p>{me.error.message}</p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
        <button type="button" className="button button-quiet" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    );
  }
  if (!hasRole(me.data, LIVECHAT_ROLES)) {
    if (!admin.ready) {
      return (
        <div className="splash" role="status">
          Loading your desk…
        </div>
      );
    }
    if (!admin.sections.length) return <NoRoleScreen me={me.data} />;
  }
  return (
    <LiveProvider userId={credentials.userId} token={credentials.authToken}>
      <Shell />
    </LiveProvider>
  );
}

export function App() {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      <AuthProvider>
        <Gate />
      </AuthProvider>
    </QueryClientProvider>
  );
}
