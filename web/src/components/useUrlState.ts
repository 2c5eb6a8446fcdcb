// A screen's filters kept in the address (a shareable link; Back restores them), as Current Chats keeps its own.
import { useEffect, useState } from 'react';

export function useUrlState<T>(parse: (search: string) => T, serialize: (state: T) => string): [T, (next: Partial<T>) => void] {
  const [state, setState] = useState(() => parse(window.location.search));
  useEffect(() => {
    const url = `${window.location.pathname}${serialize(state)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  }, [state, serialize]);
  useEffect(() => {
    const back = () => setState(parse(window.location.search));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, [parse]);
  return [state, (next) => setState((s) => ({ ...s, ...next }))];
}
