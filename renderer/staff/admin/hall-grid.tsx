// The one place that loads ag-grid: legacy CSS theme (plain stylesheets, no injected <style>, so the
// strict CSP holds) and only the modules the admin lists use.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './hall-grid.css';
import { CellStyleModule, ClientSideRowModelModule, ColumnAutoSizeModule, LocaleModule, ModuleRegistry, RowStyleModule, ColumnApiModule, type ColDef, type GridApi, type ICellRendererParams, type SortChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../shared/use-t';

ModuleRegistry.registerModules([ClientSideRowModelModule, ColumnAutoSizeModule, CellStyleModule, LocaleModule, RowStyleModule, ColumnApiModule]);

interface HallGridProps<T extends { id: number }> {
  rows: T[] | null;
  columns: ColDef<T>[];
  testId: string;
  label: string;
  /**
   * Sorting done by the host (a list paged on the server): the grid shows `sort` and reports header
   * clicks through `onSortChange` but never reorders the page itself.
   */
  serverSort?: { sort: GridSort | null; onSortChange: (sort: GridSort | null) => void };
  onRowClick?: (row: T) => void;
}

export interface GridSort {
  colId: string;
  direction: 'asc' | 'desc';
}

/** Keeps the rows in the order the host sent them. */
const keepOrder = () => 0;

/** A text cell cut short at 1366 px still reads whole on hover (columns with their own renderer keep it). */
function TitledCell({ value, valueFormatted }: ICellRendererParams) {
  const text = valueFormatted ?? (value === null || value === undefined ? '' : String(value));
  return <span title={text}>{text}</span>;
}

/** Headings wrap onto a second line rather than being cut ("Recei…") on a narrow screen or in English. */
const BASE_COLUMN = { resizable: true, minWidth: 90, wrapHeaderText: true, autoHeaderHeight: true, cellRenderer: TitledCell } as const;

export function HallGrid<T extends { id: number }>({ rows, columns, testId, label, serverSort, onRowClick }: HallGridProps<T>) {
  const { t, language } = useT();
  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows'), loadingOoo: t('grid.loading') }), [t]);
  const gridApi = useRef<GridApi<T> | null>(null);
  const wanted = serverSort?.sort ?? null;
  const sortColId = wanted?.colId;
  const sortDirection = wanted?.direction;
  useEffect(() => {
    if (!serverSort) return;
    gridApi.current?.applyColumnState({ state: sortColId ? [{ colId: sortColId, sort: sortDirection ?? 'asc' }] : [], defaultState: { sort: null } });
  }, [serverSort, sortColId, sortDirection]);
  const onSortChange = serverSort?.onSortChange;
  const reportSort = (event: SortChangedEvent<T>) => {
    if (!onSortChange || event.source === 'api') return;
    const sorted = event.api.getColumnState().find((c) => c.sort);
    onSortChange(sorted?.sort ? { colId: sorted.colId, direction: sorted.sort } : null);
  };
  return (
    <div className="ag-theme-quartz hall-grid" data-testid={testId} role="region" aria-label={label}>
      <AgGridReact<T>
        key={language}
        theme="legacy"
        rowData={rows}
        loading={rows === null}
        columnDefs={columns}
        defaultColDef={serverSort ? { ...BASE_COLUMN, sortable: false, comparator: keepOrder } : { ...BASE_COLUMN, sortable: true }}
        onGridReady={(event) => {
          gridApi.current = event.api;
          if (wanted) event.api.applyColumnState({ state: [{ colId: wanted.colId, sort: wanted.direction }], defaultState: { sort: null } });
        }}
        onSortChanged={serverSort ? reportSort : undefined}
        onRowClicked={onRowClick ? (event) => event.data && onRowClick(event.data) : undefined}
        rowClass={onRowClick ? 'hall-grid-clickable' : undefined}
        getRowId={(params) => String(params.data.id)}
        domLayout="autoHeight"
        autoSizeStrategy={{ type: 'fitGridWidth' }}
        localeText={localeText}
        rowHeight={48}
        headerHeight={48}
        suppressCellFocus
      />
    </div>
  );
}
