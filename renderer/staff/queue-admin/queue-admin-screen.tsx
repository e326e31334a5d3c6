// 排队设置: the categories citizens take numbers for, the windows that call them, and the queue's
// settings (hours, announcement, slip, printer, display notice). Administrators only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import type { DeviceView } from '../../shared/contract';
import { queueApi } from '../../shared/queue-api';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { CategoriesPanel } from './categories-panel';
import { HallSettingsPanel } from './hall-settings-form';
import { SettingsFormPanel } from './settings-form';
import { WindowsPanel } from './windows-panel';
import './queue-admin.css';

const TABS = ['categories', 'windows', 'settings', 'hall'] as const;
type Tab = (typeof TABS)[number];

/** One list loaded from the host, reloadable, with its last error. */
function useLoaded<T>(load: () => Promise<T>): { value: T | null; error: unknown; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load().then(
      (loaded) => {
        setValue(loaded);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { value, error, reload };
}

export default function QueueAdminScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const queue = useMemo(() => queueApi(api), [api]);
  const [tab, setTab] = useState<Tab>('categories');
  const categories = useLoaded(useCallback(() => queue.categories(), [queue]));
  const windows = useLoaded(useCallback(() => queue.windows(), [queue]));
  const pads = useLoaded(useCallback(async (): Promise<DeviceView[]> => (await api.listDevices()).rows.filter((d) => d.kind === 'rating'), [api]));
  const settings = useLoaded(useCallback(() => queue.settings(), [queue]));

  return (
    <section className="queue-admin">
      <div className="screen-title">
        <h1>{t('nav.queue')}</h1>
      </div>
      <div className="queue-tabs" role="tablist" aria-label={t('nav.queue')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`queue-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`queue-panel-${id}`}
            className={tab === id ? 'queue-tab active' : 'queue-tab'}
            data-testid={`queue-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`queueAdmin.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`queue-panel-${tab}`} aria-labelledby={`queue-tab-${tab}`}>
        {tab === 'categories' ? (
          <CategoriesPanel categories={categories.value} error={categories.error} reload={categories.reload} />
        ) : tab === 'windows' ? (
          <WindowsPanel
            windows={windows.value}
            categories={categories.value ?? []}
            ratingPads={pads.value ?? []}
            error={windows.error ?? pads.error}
            reload={windows.reload}
          />
        ) : tab === 'hall' ? (
          <HallSettingsPanel />
        ) : settings.value ? (
          <SettingsFormPanel initial={settings.value} onSaved={settings.reload} />
        ) : settings.error ? (
          <div className="error-box" role="alert"><p>{errorMessage(t, settings.error)}</p></div>
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </div>
    </section>
  );
}

