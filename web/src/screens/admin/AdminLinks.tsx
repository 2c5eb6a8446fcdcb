// The sidebar's Administration group: a link to each screen the user may use, nothing when none.
import { useState } from 'react';
import { Link, useRoute } from '../../app/router';
import { useSections } from './useSections';

export function AdminLinks() {
  const route = useRoute();
  const { sections } = useSections();
  const [open, setOpen] = useState(route.name === 'admin'); // folded away until wanted; open on its screens
  if (!sections.length) return null;
  return (
    <details className="admin-nav" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nav-link">Administration</summary>
      <ul aria-label="Administration">
        {sections.map((s) => {
          const current = route.name === 'admin' && route.section === s.id;
          return (
            <li key={s.id}>
              <Link to={`/admin/${s.id}`} className={`nav-link admin-nav-link ${current ? 'nav-link-current' : ''}`} aria-current={current ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
