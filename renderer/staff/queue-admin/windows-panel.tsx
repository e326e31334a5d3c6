// 窗口: the counters, which categories each calls (in order), who sits there now and its rating pad.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { queueApi } from '../../shared/queue-api';
import { errorMessage } from '../../shared/api-error';
import type { DeviceView } from '../../shared/contract';
import type { CategoryView, WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { HallGrid } from '../admin/hall-grid';
import { useStaff } from '../staff-context';
import { WindowForm } from './window-form';

interface WindowsPanelProps {
  windows: WindowView[] | null;
  categories: readonly CategoryView[];
  ratingPads: readonly DeviceView[];
  error: unknown;
  reload: () => void;
}

export function WindowsPanel({ windows, categories, ratingPads, error, reload }: WindowsPanelProps) {
  const { t } = useT();
  const [editing, setEditing] = useState<WindowView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { api } = useStaff();
  const [releasing, setReleasing] = useState<WindowView | null>(null);
  const [releaseError, setReleaseError] = useState<unknown>(null);

  const release = async (w: WindowView) => {
    try {
      await queueApi(api).releaseWindow(w.id);
      setReleasing(null);
      setReleaseError(null);
      setNotice(t('queueAdmin.windowReleased', { number: w.number }));
      reload();
    } catch (failure) {
      setReleaseError(failure);
    }
  };

  const columns = useMemo<ColDef<WindowView>[]>(() => {
    const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
    return [
      { field: 'number', headerName: t('fields.number'), maxWidth: 110 },
      { field: 'name', headerName: t('fields.name'), minWidth: 130 },
      { field: 'categoryCodes', headerName: t('queueAdmin.windowCategories'), minWidth: 220, valueFormatter: (p) => ((p.value as string[] | undefined) ?? []).map(categoryName).join(' → ') },
      { field: 'ratingDeviceId', headerName: t('fields.ratingDeviceId'), valueFormatter: (p) => ratingPads.find((d) => d.id === p.value)?.name ?? '—' },
      {
        colId: 'status',
        headerName: t('queueAdmin.windowNow'),
        minWidth: 150,
        valueGetter: (p) => (p.data ? `${t(`counter.windowStatus.${p.data.status}`)}${p.data.clerk ? ` · ${p.data.clerk.displayName}` : ''}` : ''),
      },
      { field: 'active', headerName: t('fields.active'), cellDataType: false, maxWidth: 100, valueFormatter: (p) => (p.value ? t('common.yes') : t('common.no')) },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        minWidth: 170,
        cellRenderer: (p: ICellRendererParams<WindowView>) =>
          p.data ? (
            <>
              <button type="button" className="secondary grid-button" aria-label={t('queueAdmin.editWindow', { number: p.data.number })} onClick={() => { setNotice(null); setEditing(p.data ?? null); }}>
                {t('common.edit')}
              </button>
              {p.data.clerk ? (
                <button type="button" className="secondary grid-button" data-testid="window-release" aria-label={t('queueAdmin.releaseWindow', { number: p.data.number })} onClick={() => { setNotice(null); setReleaseError(null); setReleasing(p.data ?? null); }}>
                  {t('queueAdmin.release')}
                </button>
              ) : null}
            </>
          ) : null,
      },
    ];
  }, [t, categories, ratingPads]);

  return (
    <div data-testid="queue-windows">
      <div className="screen-title">
        <h2>{t('queueAdmin.windowsTitle')}</h2>
        <button type="button" onClick={() => { setNotice(null); setEditing('new'); }} disabled={editing === 'new' || categories.length === 0}>
          {t('queueAdmin.windowCreate')}
        </button>
      </div>
      <p className="muted">{categories.length === 0 ? t('queueAdmin.windowsNeedCategories') : t('queueAdmin.windowsHelp')}</p>
      {notice ? <div className="notice-box" role="status">{notice}</div> : null}
      {releasing ? (
        <div className="notice-box" role="alertdialog" aria-labelledby="window-release-question" data-testid="window-release-confirm">
          <p id="window-release-question">{t('queueAdmin.releaseQuestion', { number: releasing.number, name: releasing.clerk?.displayName ?? '' })}</p>
          {releaseError ? <p className="error-box" role="alert">{errorMessage(t, releaseError)}</p> : null}
          <button type="button" onClick={() => void release(releasing)}>{t('queueAdmin.releaseConfirm')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setReleasing(null)}>{t('common.cancel')}</button>
        </div>
      ) : null}
      {editing ? (
        <WindowForm
          key={editing === 'new' ? 'new' : editing.id}
          window={editing === 'new' ? null : editing}
          categories={categories}
          ratingPads={ratingPads}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('queueAdmin.windowSaved', { number: saved.number }));
            reload();
          }}
        />
      ) : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <HallGrid rows={windows} columns={columns} testId="windows-grid" label={t('queueAdmin.windowsTitle')} />
    </div>
  );
}
