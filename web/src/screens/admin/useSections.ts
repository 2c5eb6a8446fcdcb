// The administration screens this user may use, from the server's permission table and their roles.
import { useMe, usePermissions } from '../../app/permissions';
import { permissionTest, SECTIONS } from './sections';

export function useSections() {
  const me = useMe().data;
  const table = usePermissions().data;
  const can = permissionTest(me, table);
  return { sections: SECTIONS.filter((s) => s.allowed(can)), can, ready: !!me && !!table };
}
