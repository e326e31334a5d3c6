// The materials of an item as editable rows: add, remove, move up/down; conditional rows ask for their condition.
import type { Material } from '../../shared/catalog-contract';
import { useT } from '../../shared/use-t';
import { emptyMaterial, moveRow } from './item-draft';

interface Props {
  rows: Material[];
  onRows: (rows: Material[]) => void;
  error?: string | undefined;
}

export function MaterialsEditor({ rows, onRows, error }: Props) {
  const { t } = useT();
  const set = (i: number, patch: Partial<Material>) => onRows(rows.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const count = (text: string) => (text === '' ? 0 : Math.max(0, Math.floor(Number(text)) || 0));
  return (
    <fieldset className="catalog-materials" data-testid="catalog-materials">
      <legend>{t('fields.materials')}</legend>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <table>
        <thead>
          <tr>
            <th>{t('fields.name')}</th><th>{t('fields.requirement')}</th><th>{t('fields.condition')}</th><th>{t('fields.originals')}</th>
            <th>{t('fields.copies')}</th><th>{t('fields.electronic')}</th><th>{t('fields.source')}</th><th>{t('fields.notes')}</th><th />
          </tr>
        </thead>
        <tbody>
          {rows.map((m, i) => (
            <tr key={i}>
              <td><input aria-label={t('fields.name')} value={m.name} onChange={(e) => set(i, { name: e.target.value })} /></td>
              <td>
                <select aria-label={t('fields.requirement')} value={m.requirement} onChange={(e) => set(i, { requirement: e.target.value as Material['requirement'] })}>
                  <option value="required">{t('catalog.requirements.required')}</option>
                  <option value="conditional">{t('catalog.requirements.conditional')}</option>
                </select>
              </td>
              <td><input aria-label={t('fields.condition')} value={m.condition} disabled={m.requirement === 'required'} onChange={(e) => set(i, { condition: e.target.value })} /></td>
              <td><input className="num" type="number" min={0} aria-label={t('fields.originals')} value={m.originals} onChange={(e) => set(i, { originals: count(e.target.value) })} /></td>
              <td><input className="num" type="number" min={0} aria-label={t('fields.copies')} value={m.copies} onChange={(e) => set(i, { copies: count(e.target.value) })} /></td>
              <td><input type="checkbox" aria-label={t('fields.electronic')} checked={m.electronic} onChange={(e) => set(i, { electronic: e.target.checked })} /></td>
              <td>
                <select aria-label={t('fields.source')} value={m.source} onChange={(e) => set(i, { source: e.target.value as Material['source'] })}>
                  <option value="applicant">{t('catalog.sources.applicant')}</option>
                  <option value="government">{t('catalog.sources.government')}</option>
                </select>
              </td>
              <td><input aria-label={t('fields.notes')} value={m.notes} onChange={(e) => set(i, { notes: e.target.value })} /></td>
              <td className="row-tools">
                <button type="button" className="secondary" aria-label={t('catalog.moveUp')} disabled={i === 0} onClick={() => onRows(moveRow(rows, i, -1))}>↑</button>
                <button type="button" className="secondary" aria-label={t('catalog.moveDown')} disabled={i === rows.length - 1} onClick={() => onRows(moveRow(rows, i, 1))}>↓</button>
                <button type="button" className="secondary" aria-label={t('catalog.removeMaterial')} onClick={() => onRows(rows.filter((_, j) => j !== i))}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => onRows([...rows, emptyMaterial()])}>{t('catalog.addMaterial')}</button>
    </fieldset>
  );
}
