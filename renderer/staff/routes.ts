// The staff app's screens, addressed by hash (#/admin/users) because app:// has no server routing.
import { type Role, ROLES } from '../shared/contract';

export type ScreenId = 'home' | 'counter' | 'users' | 'devices' | 'queue' | 'sync' | 'calendar' | 'catalog' | 'cases' | 'case' | 'audit' | 'intake' | 'villages' | 'agentRequests' | 'backup'
  | 'dashboard' | 'wall' | 'workOrders' | 'workOrder' | 'reports';

export interface ScreenDef {
  id: ScreenId;
  path: string;
  /** i18n key of the navigation label and page title. */
  labelKey: string;
  roles: readonly Role[];
  /** false for screens reached from another screen (one case), never from the menu. */
  nav?: false;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'home', path: '/', labelKey: 'nav.home', roles: ROLES },
  { id: 'counter', path: '/counter', labelKey: 'nav.counter', roles: ['clerk'] },
  { id: 'intake', path: '/intake', labelKey: 'nav.intake', roles: ['clerk'] },
  { id: 'users', path: '/admin/users', labelKey: 'nav.users', roles: ['admin'] },
  { id: 'devices', path: '/admin/devices', labelKey: 'nav.devices', roles: ['admin'] },
  { id: 'queue', path: '/admin/queue', labelKey: 'nav.queue', roles: ['admin'] },
  { id: 'catalog', path: '/admin/catalog', labelKey: 'nav.catalog', roles: ['admin'] },
  { id: 'calendar', path: '/admin/calendar', labelKey: 'nav.calendar', roles: ['admin'] },
  { id: 'sync', path: '/admin/sync', labelKey: 'nav.sync', roles: ['admin', 'supervisor'] },
  { id: 'cases', path: '/cases', labelKey: 'nav.cases', roles: ['backoffice', 'clerk', 'supervisor', 'admin'] },
  { id: 'case', path: '/cases/:id', labelKey: 'nav.caseDetail', roles: ['backoffice', 'clerk', 'supervisor', 'admin'], nav: false },
  { id: 'audit', path: '/admin/audit', labelKey: 'nav.audit', roles: ['admin'] },
  { id: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', roles: ['supervisor', 'admin'] },
  { id: 'wall', path: '/dashboard/wall', labelKey: 'nav.wall', roles: ['supervisor', 'admin'], nav: false },
  { id: 'reports', path: '/reports', labelKey: 'nav.reports', roles: ['supervisor', 'admin'] },
  { id: 'workOrders', path: '/work-orders', labelKey: 'nav.workOrders', roles: ['supervisor', 'admin', 'clerk', 'backoffice'] },
  { id: 'workOrder', path: '/work-orders/:id', labelKey: 'nav.workOrder', roles: ['supervisor', 'admin', 'clerk', 'backoffice'], nav: false },
  { id: 'backup', path: '/admin/backup', labelKey: 'nav.backup', roles: ['admin'] },
  { id: 'villages', path: '/admin/villages', labelKey: 'nav.villages', roles: ['admin'] },
  { id: 'agentRequests', path: '/agent-requests', labelKey: 'nav.agentRequests', roles: ['clerk', 'backoffice', 'supervisor', 'admin', 'agent'] },
];

/** "#/admin/users/?x=1" → "/admin/users"; "" or "#" → "/". */
export function parseHashPath(hash: string): string {
  let path = hash.startsWith('#') ? hash.slice(1) : hash;
  const query = path.search(/[?#]/);
  if (query >= 0) path = path.slice(0, query);
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path;
}

/** `/cases/:id` against `/cases/12` → {id: '12'}; a `:name` segment matches digits only. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) {
      if (!/^[1-9]\d{0,9}$/.test(value)) return null;
      params[part.slice(1)] = value;
    } else if (part !== value) return null;
  }
  return params;
}

export type RouteResult =
  | { status: 'ok'; screen: ScreenDef; params?: Record<string, string> }
  | { status: 'forbidden'; screen: ScreenDef }
  | { status: 'not_found'; path: string };

/** Which screen a hash shows to a user of `role`: the screen, "没有权限", or "找不到". */
export function resolveRoute(hash: string, role: Role): RouteResult {
  const path = parseHashPath(hash);
  const screen = SCREENS.find((s) => s.path === path);
  if (!screen) {
    for (const candidate of SCREENS.filter((s) => s.path.includes(':'))) {
      const params = matchPath(candidate.path, path);
      if (params) return candidate.roles.includes(role) ? { status: 'ok', screen: candidate, params } : { status: 'forbidden', screen: candidate };
    }
    return { status: 'not_found', path };
  }
  return screen.roles.includes(role) ? { status: 'ok', screen } : { status: 'forbidden', screen };
}

/** The screens in the left navigation for `role`, in order. */
export function navFor(role: Role): ScreenDef[] {
  return SCREENS.filter((s) => s.roles.includes(role) && s.nav !== false);
}

export function hrefFor(screen: ScreenDef): string {
  return `#${screen.path}`;
}
