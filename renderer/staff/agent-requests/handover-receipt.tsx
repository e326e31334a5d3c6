// 移交签收: the clerk counts what the agent handed over, material by material, against the agent's
// list; a count that differs needs a note. The node hears of the receipt with the differences.
import { useState } from 'react';
import { useT } from '../../shared/use-t';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { FormMessages } from '../../shared/form-field';
import type { AgentRequestDetail } from './agent-requests-api';

interface Count {
  name: string;
  originals: number;
  copies: number;
  note: string;
}

export function HandoverReceipt({ detail, onReceive }: { detail: AgentRequestDetail; onReceive: (materials: Count[]) => Promise<void> }) {
  const { t } = useT();
  const declared = detail.handover?.declared ?? [];
  const [counts, setCounts] = useState<Count[]>(declared.map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, note: '' })));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (i: number, patch: Partial<Count>) => setCounts((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const differs = (i: number) => counts[i]!.originals !== declared[i]!.originals || counts[i]!.copies !== declared[i]!.copies;
  return (
    <div className="handover-receipt" data-testid="handover-receipt">
      <h3>{t('hallAgentRequests.receiveTitle', { handoverId: detail.handover?.handoverId ?? '' })}</h3>
      <p className="handover-from" data-testid="handover-from">
        {t(detail.handover?.nodeName ? 'hallAgentRequests.receiveFromNode' : 'hallAgentRequests.receiveFrom', {
          village: detail.villageName,
          agent: detail.agentName,
          node: detail.handover?.nodeName ?? '',
          at: detail.handover ? new Date(detail.handover.handedAt).toLocaleString() : '',
        })}
      </p>
      <FormMessages messages={errors.general} />
      <table className="agent-table">
        <thead>
          <tr>
            <th>{t('hallAgentRequests.material')}</th>
            <th>{t('hallAgentRequests.declared')}</th>
            <th>{t('hallAgentRequests.countedOriginals')}</th>
            <th>{t('hallAgentRequests.countedCopies')}</th>
            <th>{t('hallAgentRequests.note')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c, i) => (
            <tr key={c.name} className={differs(i) ? 'differs' : undefined}>
              <td>{c.name}</td>
              <td>{t('hallAgentRequests.counts', { originals: declared[i]!.originals, copies: declared[i]!.copies })}</td>
              <td>
                <input type="number" min={0} max={99} value={c.originals} aria-label={`${c.name} ${t('hallAgentRequests.countedOriginals')}`} onChange={(e) => set(i, { originals: Number(e.target.value) })} />
              </td>
              <td>
                <input type="number" min={0} max={99} value={c.copies} aria-label={`${c.name} ${t('hallAgentRequests.countedCopies')}`} onChange={(e) => set(i, { copies: Number(e.target.value) })} />
              </td>
              <td>
                <input
                  type="text"
                  value={c.note}
                  placeholder={differs(i) ? t('hallAgentRequests.notePlaceholder') : ''}
                  aria-label={`${c.name} ${t('hallAgentRequests.note')}`}
                  aria-invalid={errors.fields[`materials.${i}.note`] ? true : undefined}
                  onChange={(e) => set(i, { note: e.target.value })}
                />
                {errors.fields[`materials.${i}.note`] ? <div className="field-error">{errors.fields[`materials.${i}.note`]}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            void onReceive(counts).catch((error: unknown) =>
              setErrors(formErrorsFrom(t, error, counts.map((_, i) => `materials.${i}.note`))),
            )
          }
        >
          {t('hallAgentRequests.receiveSubmit')}
        </button>
      </div>
    </div>
  );
}
