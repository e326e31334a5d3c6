// 办理类别: the queues the kiosk offers, their number prefix, daily limit and order.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import type { CategoryView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { HallGrid } from '../admin/hall-grid';
import { CategoryForm } from './category-form';

type CategoryRow = CategoryView & { id: number };

interface CategoriesPanelProps {
  categories: CategoryView[] | null;
  error: unknown;
  reload: () => void;
}

export function CategoriesPanel({ categories, error, reload }: CategoriesPanelProps) {
  const { t } = useT();
  const [editing, setEditing] = useState<CategoryView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The grid keys rows by a number; a category's code is its identity, its place in the list will do.
  const rows = useMemo<CategoryRow[] | null>(() => categories?.map((c, index) => ({ ...c, id: index + 1 })) ?? null, [categories]);
  const yesNo = (value: unknown) => (value ? t('common.yes') : t('common.no'));

  const columns = useMemo<ColDef<CategoryRow>[]>(
    () => [
      { field: 'sortOrder', headerName: t('fields.sortOrder'), maxWidth: 100 },
      { field: 'code', headerName: t('fields.code'), maxWidth: 110 },
      { field: 'name', headerName: t('fields.name'), minWidth: 140 },
      { field: 'prefix', headerName: t('fields.prefix'), maxWidth: 120 },
      { field: 'dailyLimit', headerName: t('fields.dailyLimit'), valueFormatter: (p) => (p.value === null || p.value === undefined ? t('queueAdmin.noLimit') : String(p.value)) },
      { field: 'priorityAllowed', headerName: t('fields.priorityAllowed'), cellDataType: false, valueFormatter: (p) => yesNo(p.value) },
      { field: 'itemCode', headerName: t('fields.itemCode'), valueFormatter: (p) => (p.value as string | null) ?? '—' },
      { field: 'active', headerName: t('fields.active'), cellDataType: false, valueFormatter: (p) => yesNo(p.value) },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        cellRenderer: (p: ICellRendererParams<CategoryRow>) =>
          p.data ? (
            <button
              type="button"
              className="secondary grid-button"
              aria-label={t('queueAdmin.editOne', { name: p.data.name })}
              onClick={() => {
                setNotice(null);
                setEditing(categories?.find((c) => c.code === p.data?.code) ?? null);
              }}
            >
              {t('common.edit')}
            </button>
          ) : null,
      },
    ],
    [t, categories],
  );

  return (
    <div data-testid="queue-categories">
      <div className="screen-title">
        <h2>{t('queueAdmin.categoriesTitle')}</h2>
        <button type="button" onClick={() => { setNotice(null); setEditing('new'); }} disabled={editing === 'new'}>
          {t('queueAdmin.categoryCreate')}
        </button>
      </div>
      <p className="muted">{t('queueAdmin.categoriesHelp')}</p>
      {notice ? <div className="notice-box" role="status">{notice}</div> : null}
      {editing ? (
        <CategoryForm
          key={editing === 'new' ? 'new' : editing.code}
          category={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('queueAdmin.categorySaved', { name: saved.name }));
            reload();
          }}
        />
      ) : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <HallGrid rows={rows} columns={columns} testId="categories-grid" label={t('queueAdmin.categoriesTitle')} />
    </div>
  );
}
