// 事项目录 (admin): the catalogue as a list with search, an editor for one item, import and export.
import './catalog.css';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { catalogApi } from '../../shared/catalog-api';
import type { Item, ItemSummary } from '../../shared/catalog-contract';
import { useT } from '../../shared/use-t';
import { HallGrid } from '../admin/hall-grid';
import { useStaff } from '../staff-context';
import { CatalogIo } from './catalog-io';
import { ItemEditor } from './item-editor';

type Row = ItemSummary & { id: number };
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'item'; item: Item };

export default function CatalogScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const catalog = useMemo(() => catalogApi(api), [api]);
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });

  const load = useCallback(() => {
    catalog.list(q.trim() ? { q } : {}).then(
      (items) => setRows(items.map((item, id) => ({ ...item, id }))),
      (error: unknown) => setProblem(errorMessage(t, error)),
    );
  }, [catalog, q, t]);
  useEffect(() => {
    const timer = setTimeout(load, 200);
    return () => clearTimeout(timer);
  }, [load]);

  const open = (code: string) => catalog.get(code).then((item) => setEditing({ kind: 'item', item }), (error: unknown) => setProblem(errorMessage(t, error)));
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'code', headerName: t('fields.code'), maxWidth: 150 },
      { field: 'name', headerName: t('fields.name'), flex: 2 },
      { field: 'type', headerName: t('fields.type'), valueFormatter: (p) => t(`catalog.types.${String(p.value)}`) },
      { field: 'handlingLevel', headerName: t('fields.handlingLevel'), valueFormatter: (p) => t(`catalog.levels.${String(p.value)}`) },
      { colId: 'promised', headerName: t('fields.promisedLimit'), valueGetter: (p) => (p.data ? t(`catalog.units.${p.data.promisedLimit.unit}`, { count: p.data.promisedLimit.value }) : '') },
      { field: 'active', headerName: t('fields.active'), maxWidth: 110, valueFormatter: (p) => t(p.value ? 'common.yes' : 'common.no') },
      {
        colId: 'edit', headerName: t('common.actions'), sortable: false, maxWidth: 120,
        cellRenderer: (p: { data?: Row }) => (p.data ? <button type="button" className="secondary" onClick={() => void open(p.data!.code)}>{t('common.edit')}</button> : null),
      },
    ],
    // `open` only reads the stable catalog client; the columns change with the language.
    [t],
  );

  return (
    <section className="catalog-screen" data-testid="catalog-screen">
      <div className="panel">
        <h1>{t('catalog.title')}</h1>
        <p className="catalog-intro">{t('catalog.intro')}</p>
        <div className="catalog-toolbar">
          <input type="search" value={q} placeholder={t('catalog.searchPlaceholder')} aria-label={t('catalog.searchPlaceholder')} data-testid="catalog-search" onChange={(e) => setQ(e.target.value)} />
          <button type="button" onClick={() => setEditing({ kind: 'new' })}>{t('catalog.newItem')}</button>
          <CatalogIo onImported={load} />
        </div>
        {problem ? <p role="alert" className="field-error">{problem}</p> : null}
      </div>
      {editing.kind !== 'none' ? (
        <ItemEditor
          key={editing.kind === 'item' ? editing.item.code : 'new'}
          item={editing.kind === 'item' ? editing.item : null}
          onSaved={() => { setEditing({ kind: 'none' }); load(); }}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      ) : null}
      <HallGrid rows={rows} columns={columns} testId="catalog-grid" label={t('catalog.title')} />
    </section>
  );
}
