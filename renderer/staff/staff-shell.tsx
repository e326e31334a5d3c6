// Signed-in frame: header (hall, user, language, connection, logout), the role's navigation, the screen.
import { lazy, Suspense } from 'react';
import { useT } from '../shared/use-t';
import { ConnectionBadge } from '../shared/connection-badge';
import { LangSwitch } from '../shared/lang-switch';
import { useHallEvents } from '../shared/use-hall-events';
import { HomeScreen } from './home-screen';
import { hrefFor, navFor, resolveRoute } from './routes';
import { StaffContext, type StaffContextValue } from './staff-context';
import { useHash } from './use-hash-route';
import { SyncBanner, handleSyncEvent } from './sync/sync-banner';
import { BackupBanner } from './backup/backup-banner';
import { handleCaseEvent } from './cases/case-events';
import { handleFigureEvent } from './dashboard/figure-events';
import type { CredentialEndReason, HallEvent } from '../shared/contract';

// The admin screens carry ag-grid; they load only when an administrator opens them.
const UsersScreen = lazy(() => import('./admin/users-screen'));
const DevicesScreen = lazy(() => import('./admin/devices-screen'));
const QueueAdminScreen = lazy(() => import('./queue-admin/queue-admin-screen'));
const CatalogScreen = lazy(() => import('./catalog/catalog-screen'));
const CalendarScreen = lazy(() => import('./calendar/calendar-screen'));
// The counter is the clerk's whole day; lazy too, so other roles never load it.
const CounterScreen = lazy(() => import('./counter/counter-screen'));
const SyncScreen = lazy(() => import('./sync/sync-screen'));
const CaseListScreen = lazy(() => import('./cases/case-list-screen'));
const CaseDetailScreen = lazy(() => import('./cases/case-detail-screen'));
const AuditScreen = lazy(() => import('./audit/audit-screen'));
const BackupScreen = lazy(() => import('./backup/backup-screen'));
const VillagesScreen = lazy(() => import('./villages/villages-screen'));
const AgentRequestsScreen = lazy(() => import('./agent-requests/agent-requests-screen'));
const IntakeScreen = lazy(() => import('./intake/intake-screen'));
// The dashboard carries ECharts: its own chunks, loaded only when a supervisor or admin opens it.
const DashboardScreen = lazy(() => import('./dashboard/dashboard-screen'));
const WallScreen = lazy(() => import('./dashboard/wall-screen'));
const ReportsScreen = lazy(() => import('./dashboard/reports-screen'));
const WorkOrdersScreen = lazy(() => import('./work-orders/work-orders-screen'));
const WorkOrderDetailScreen = lazy(() => import('./work-orders/work-order-detail-screen'));

/** One socket for the page: each feature takes the events it knows. */
function handleStaffEvent(event: HallEvent): void {
  handleSyncEvent(event);
  handleCaseEvent(event);
  handleFigureEvent(event);
}

interface StaffShellProps {
  context: StaffContextValue;
  onLogout: () => Promise<void>;
  /** The host ended this session (expired, logged out, user disabled or role changed). */
  onEnded: (reason: CredentialEndReason) => void;
}

export function StaffShell({ context, onLogout, onEnded }: StaffShellProps) {
  const { t } = useT();
  const { session, hallName, hostUrl } = context;
  const { user } = session;
  // The host closes the events socket when the session ends, saying why: back to the login screen.
  const connection = useHallEvents(hostUrl, session.token, handleStaffEvent, onEnded);
  const route = resolveRoute(useHash(), user.role);
  const currentPath = route.status === 'not_found' ? route.path : route.screen.id === 'case' ? '/cases' : route.screen.id === 'workOrder' ? '/work-orders' : route.screen.path;

  return (
    <StaffContext.Provider value={context}>
      <div className="staff-layout">
        <header className="staff-header">
          <div className="staff-hall">{hallName}</div>
          <div className="staff-header-tools">
            <ConnectionBadge state={connection} />
            <span className="staff-user">
              <strong>{user.displayName}</strong>
              <span className="role-tag">{t(`roles.${user.role}`)}</span>
            </span>
            <LangSwitch />
            <button type="button" className="secondary" onClick={() => void onLogout()}>
              {t('nav.logout')}
            </button>
          </div>
        </header>
        <nav className="staff-nav" data-testid="main-nav" aria-label={t('nav.label')}>
          <ul>
            {navFor(user.role).map((screen) => (
              <li key={screen.id}>
                <a href={hrefFor(screen)} aria-current={screen.path === currentPath ? 'page' : undefined}>
                  {t(screen.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="staff-main">
          <SyncBanner />
          <BackupBanner />
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            {route.status === 'forbidden' ? (
              <section className="panel" data-testid="forbidden">
                <h1>{t('access.forbiddenTitle')}</h1>
                <p>{t('access.forbiddenText')}</p>
                <a href="#/">{t('access.backHome')}</a>
              </section>
            ) : route.status === 'not_found' ? (
              <section className="panel">
                <h1>{t('access.notFoundTitle')}</h1>
                <a href="#/">{t('access.backHome')}</a>
              </section>
            ) : route.screen.id === 'users' ? (
              <UsersScreen />
            ) : route.screen.id === 'devices' ? (
              <DevicesScreen />
            ) : route.screen.id === 'queue' ? (
              <QueueAdminScreen />
            ) : route.screen.id === 'catalog' ? (
              <CatalogScreen />
            ) : route.screen.id === 'calendar' ? (
              <CalendarScreen />
            ) : route.screen.id === 'counter' ? (
              <CounterScreen />
            ) : route.screen.id === 'sync' ? (
              <SyncScreen />
            ) : route.screen.id === 'cases' ? (
              <CaseListScreen />
            ) : route.screen.id === 'case' ? (
              <CaseDetailScreen key={route.params?.id} caseId={Number(route.params?.id)} />
            ) : route.screen.id === 'audit' ? (
              <AuditScreen />
            ) : route.screen.id === 'backup' ? (
              <BackupScreen />
            ) : route.screen.id === 'villages' ? (
              <VillagesScreen />
            ) : route.screen.id === 'agentRequests' ? (
              <AgentRequestsScreen />
            ) : route.screen.id === 'intake' ? (
              <IntakeScreen />
            ) : route.screen.id === 'dashboard' ? (
              <DashboardScreen />
            ) : route.screen.id === 'wall' ? (
              <WallScreen />
            ) : route.screen.id === 'reports' ? (
              <ReportsScreen />
            ) : route.screen.id === 'workOrders' ? (
              <WorkOrdersScreen />
            ) : route.screen.id === 'workOrder' ? (
              <WorkOrderDetailScreen key={route.params?.id} orderId={Number(route.params?.id)} />
            ) : (
              <HomeScreen />
            )}
          </Suspense>
        </main>
      </div>
    </StaffContext.Provider>
  );
}
