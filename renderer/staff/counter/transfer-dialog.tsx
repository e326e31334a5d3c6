// 转移: send the citizen to another category's queue or straight to another window; they keep
// their number and their place by arrival time.
import { useEffect, useId, useState } from 'react';
import { SelectField } from '../../shared/form-field';
import type { CategoryView, TicketView, TransferTicketRequest, WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';

interface TransferDialogProps {
  ticket: TicketView;
  categories: readonly CategoryView[];
  windows: readonly WindowView[];
  fromWindowId: number;
  busy: boolean;
  onTransfer: (body: TransferTicketRequest) => void;
  onCancel: () => void;
}

export function TransferDialog({ ticket, categories, windows, fromWindowId, busy, onTransfer, onCancel }: TransferDialogProps) {
  const { t } = useT();
  const titleId = useId();
  const categoryOptions = categories
    .filter((c) => c.active && c.code !== ticket.categoryCode)
    .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  const windowOptions = windows
    .filter((w) => w.active && w.id !== fromWindowId)
    .sort((a, b) => a.number - b.number)
    .map((w) => ({ value: String(w.id), label: t('counter.windowLabel', { number: w.number, name: w.name }) }));
  const [target, setTarget] = useState<'category' | 'window'>(categoryOptions.length > 0 ? 'category' : 'window');
  const [categoryCode, setCategoryCode] = useState(categoryOptions[0]?.value ?? '');
  const [windowId, setWindowId] = useState(windowOptions[0]?.value ?? '');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const ready = target === 'category' ? categoryCode !== '' : windowId !== '';

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="counter-transfer-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          onTransfer(target === 'category' ? { categoryCode } : { windowId: Number(windowId) });
        }}
      >
        <h2 id={titleId}>{t('counter.transferTitle', { number: ticket.number })}</h2>
        <p>{t('counter.transferExplain')}</p>
        <fieldset className="counter-transfer-target">
          <legend>{t('counter.transferTo')}</legend>
          <label>
            <input type="radio" name="transfer-target" checked={target === 'category'} disabled={categoryOptions.length === 0} onChange={() => setTarget('category')} />
            {t('counter.transferToCategory')}
          </label>
          <label>
            <input type="radio" name="transfer-target" checked={target === 'window'} disabled={windowOptions.length === 0} onChange={() => setTarget('window')} />
            {t('counter.transferToWindow')}
          </label>
        </fieldset>
        {target === 'category' ? (
          <SelectField label={t('fields.categoryCode')} value={categoryCode} onValue={setCategoryCode} options={categoryOptions} data-testid="counter-transfer-category" />
        ) : (
          <SelectField label={t('fields.windowId')} value={windowId} onValue={setWindowId} options={windowOptions} data-testid="counter-transfer-window" />
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy || !ready} data-testid="counter-transfer-confirm">{t('counter.transferSubmit')}</button>
          <button type="button" className="secondary" onClick={onCancel} autoFocus disabled={busy}>{t('common.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
