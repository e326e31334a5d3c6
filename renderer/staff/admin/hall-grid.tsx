// The one place that loads ag-grid: legacy CSS theme (plain stylesheets, no injected <style>, so the
// strict CSP holds) and only the modules the admin lists use.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './hall-grid.css';
import { CellStyleModule, ClientSideRowModelModule, ColumnAutoSizeModule, LocaleModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useT } from '../../shared/use-t';

ModuleRegistry.registerModules([ClientSideRowModelModule, ColumnAutoSizeModule, CellStyleModule, LocaleModule]);

interface HallGridProps<T extends { id: number }> {
  rows: T[] | null;
  columns: ColDef<T>[];
  testId: string;
  label: string;
}

export function HallGrid<T extends { id: number }>({ rows, columns, testId, label }: HallGridProps<T>) {
  const { t, language } = useT();
  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows'), loadingOoo: t('grid.loading') }), [t]);
  return (
    <div className="ag-theme-quartz hall-grid" data-testid={testId} role="region" aria-label={label}>
      <AgGridReact<T>
        key={language}
        theme="legacy"
        rowData={rows}
        loading={rows === null}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, minWidth: 90 }}
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
