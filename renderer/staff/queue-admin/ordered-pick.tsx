// An ordered multi-select: the chosen items as a numbered list with 上移/下移/移除, and the rest to add.
import { useId, useState } from 'react';
import { useT } from '../../shared/use-t';
import { addItem, moveItem, notYetChosen, removeItem } from './ordered-list';

interface OrderedPickProps {
  label: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  testId?: string;
}

export function OrderedPick({ label, hint, options, value, onChange, error, testId }: OrderedPickProps) {
  const { t } = useT();
  const id = useId();
  const labelOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  const remaining = notYetChosen(options.map((o) => o.value), value);
  const [toAdd, setToAdd] = useState('');
  const addValue = remaining.includes(toAdd) ? toAdd : (remaining[0] ?? '');

  return (
    <div className={error ? 'form-field ordered-pick has-error' : 'form-field ordered-pick'} data-testid={testId} role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <span id={`${id}-label`} className="ordered-pick-label">{label}</span>
      {value.length === 0 ? (
        <p className="muted ordered-pick-empty">{t('queueAdmin.pickNone')}</p>
      ) : (
        <ol className="ordered-pick-list">
          {value.map((code, index) => (
            <li key={code} data-value={code}>
              <span className="ordered-pick-name">{labelOf(code)}</span>
              <span className="ordered-pick-buttons">
                <button type="button" className="secondary" disabled={index === 0} aria-label={t('queueAdmin.moveUp', { name: labelOf(code) })} onClick={() => onChange(moveItem(value, index, 'up'))}>
                  ↑
                </button>
                <button type="button" className="secondary" disabled={index === value.length - 1} aria-label={t('queueAdmin.moveDown', { name: labelOf(code) })} onClick={() => onChange(moveItem(value, index, 'down'))}>
                  ↓
                </button>
                <button type="button" className="secondary" aria-label={t('queueAdmin.remove', { name: labelOf(code) })} onClick={() => onChange(removeItem(value, code))}>
                  {t('queueAdmin.removeShort')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {remaining.length > 0 ? (
        <div className="ordered-pick-add">
          <label htmlFor={`${id}-add`} className="visually-hidden">{t('queueAdmin.addLabel')}</label>
          <select id={`${id}-add`} value={addValue} onChange={(e) => setToAdd(e.target.value)}>
            {remaining.map((code) => (
              <option key={code} value={code}>{labelOf(code)}</option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={() => addValue && onChange(addItem(value, addValue))}>
            {t('queueAdmin.add')}
          </button>
        </div>
      ) : null}
      {hint && !error ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
    </div>
  );
}
