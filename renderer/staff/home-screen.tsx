import { useT } from '../shared/use-t';
import { formatLongDate } from '../shared/format';
import { hrefFor, navFor } from './routes';
import { useStaff } from './staff-context';
import { HomeWarnings, WARNING_HOME_ROLES } from './cases/home-warnings';
import { HomeWindows } from './queue-admin/home-windows';
import { HomeWorkOrders } from './work-orders/home-work-orders';

/** Greeting, today's date, the role and the screens this role has now — links only to real screens. */
export function HomeScreen() {
  const { t, language } = useT();
  const { session } = useStaff();
  const { user } = session;
  const screens = navFor(user.role).filter((screen) => screen.id !== 'home');
  return (
    <section>
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <p className="home-date">{t('home.today', { date: formatLongDate(new Date(), language) })}</p>
      {WARNING_HOME_ROLES.includes(user.role) ? <HomeWarnings /> : null}
      {user.role === 'supervisor' ? <HomeWorkOrders /> : null}
      {user.role === 'supervisor' ? <HomeWindows /> : null}
      <div className="panel">
        <h2>{t('home.yourRole', { role: t(`roles.${user.role}`) })}</h2>
        <p>{t(`roleDuties.${user.role}`)}</p>
      </div>
      <div className="panel">
        <h2>{t('home.availableTitle')}</h2>
        {screens.length > 0 ? (
          <ul className="home-screens">
            {screens.map((screen) => (
              <li key={screen.id}>
                <a href={hrefFor(screen)}>{t(screen.labelKey)}</a> — {t(`screenHelp.${screen.id}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.nothingYet')}</p>
        )}
      </div>
    </section>
  );
}
