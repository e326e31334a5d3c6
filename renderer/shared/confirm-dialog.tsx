import { useEffect, useId, type ReactNode } from 'react';
import { useT } from './use-t';

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before an action that cannot be undone; Escape or "取消" backs out. */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useT();
  const titleId = useId();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="form-actions">
          <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={onCancel} autoFocus disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
