// Import (a JSON or xlsx file: all or nothing, problems listed by row) and export of the catalogue.
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../shared/api-error';
import { catalogApi } from '../../shared/catalog-api';
import type { ImportRequest } from '../../shared/catalog-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';

const MAX_FILE_BYTES = 1_000_000;

async function requestOf(file: File): Promise<ImportRequest> {
  if (file.name.toLowerCase().endsWith('.xlsx')) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { format: 'xlsx', data: btoa(binary) };
  }
  return JSON.parse(await file.text()) as ImportRequest;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CatalogIo({ onImported }: { onImported: () => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const picker = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const catalog = catalogApi(api);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    setDone(null);
    if (file.size > MAX_FILE_BYTES) return setProblems([t('catalog.fileTooBig')]);
    try {
      const result = await catalog.importFile(await requestOf(file));
      setDone(t('catalog.imported', result));
      onImported();
    } catch (error) {
      // The host's message already names each row and field ("第 7 行 事项名称：必须填写").
      const text = error instanceof ApiError ? error.message : error instanceof SyntaxError ? t('catalog.notJson') : errorMessage(t, error);
      setProblems([t('catalog.nothingImported'), ...text.split('；')]);
    } finally {
      if (picker.current) picker.current.value = '';
    }
  };
  const exportAs = async (format: 'json' | 'xlsx') => {
    try {
      save(await catalog.exportFile(format), `catalog-${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (error) {
      setProblems([errorMessage(t, error)]);
    }
  };

  return (
    <div className="catalog-io">
      <input ref={picker} type="file" accept=".json,.xlsx" hidden data-testid="catalog-import-file" onChange={(e) => void importFile(e.target.files?.[0])} />
      <button type="button" className="secondary" onClick={() => picker.current?.click()}>{t('catalog.import')}</button>
      <button type="button" className="secondary" onClick={() => void exportAs('json')}>{t('catalog.exportJson')}</button>
      <button type="button" className="secondary" onClick={() => void exportAs('xlsx')}>{t('catalog.exportXlsx')}</button>
      {done ? <p role="status" className="catalog-done">{done}</p> : null}
      {problems.length ? (
        <ul className="catalog-problems" role="alert" data-testid="catalog-import-problems">
          {problems.map((p, i) => <li key={i}>{p}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
