// 材料清单: each material of the item, what the guide asks for and what was handed in; a conditional
// one is ticked when its condition applies to this applicant. Scans can be attached once the case exists.
import { useT } from '../../shared/use-t';
import { complete, type MaterialEntry } from './intake-model';
import { ScanUpload } from './scan-upload';
import type { IntakeApi } from './intake-api';

interface MaterialChecklistProps {
  entries: MaterialEntry[];
  onChange: (entries: MaterialEntry[]) => void;
  /** Counts can be changed (before 收件, or when the applicant comes back with the missing ones). */
  editable: boolean;
  /** Names the host found missing, marked on their rows. */
  missing: ReadonlySet<string>;
  /** The case, once received: scans can then be attached. */
  caseId: number | null;
  cases: IntakeApi;
}

const COUNTS = ['originals', 'copies', 'electronic'] as const;

export function MaterialChecklist({ entries, onChange, editable, missing, caseId, cases }: MaterialChecklistProps) {
  const { t } = useT();
  const update = (index: number, next: MaterialEntry) => onChange(entries.map((e, i) => (i === index ? next : e)));
  if (entries.length === 0) return <p className="muted">{t('intake.noMaterials')}</p>;
  return (
    <ol className="intake-materials">
      {entries.map((entry, index) => {
        const m = entry.material;
        const conditional = m.requirement === 'conditional';
        const rowMissing = missing.has(m.name);
        const off = conditional && !entry.applicable;
        return (
          <li
            key={m.name}
            className={`intake-material${rowMissing ? ' is-missing' : ''}${off ? ' is-off' : ''}`}
            data-testid={`intake-material-${index}`}
            data-missing={rowMissing}
          >
            <div className="intake-material-head">
              <span className={`intake-req req-${m.requirement}`}>{t(`intake.requirement.${m.requirement}`)}</span>
              <strong className="intake-material-name">{m.name}</strong>
              {rowMissing ? <span className="intake-missing-tag">{t('intake.missingTag')}</span> : null}
            </div>
            {conditional ? (
              <label className="intake-applies">
                <input
                  type="checkbox"
                  checked={entry.applicable}
                  disabled={!editable}
                  onChange={(e) => update(index, { ...entry, applicable: e.target.checked })}
                  data-testid={`intake-material-${index}-applies`}
                />
                {t('intake.applies', { condition: m.condition })}
              </label>
            ) : null}
            <p className="intake-need muted">
              {t('intake.need', { originals: m.originals, copies: m.copies })}
              {m.electronic ? ` · ${t('intake.electronicAccepted')}` : ''}
            </p>
            {off ? null : (
              <div className="intake-counts">
                {COUNTS.filter((c) => c !== 'electronic' || m.electronic).map((count) => (
                  <label key={count} className="intake-count">
                    <span>{t(`intake.count.${count}`)}</span>
                    <input
                      type="number"
                      min={0}
                      max={99}
                      value={entry[count]}
                      disabled={!editable}
                      data-testid={`intake-material-${index}-${count}`}
                      onChange={(e) => update(index, { ...entry, [count]: Math.max(0, Math.min(99, Math.trunc(Number(e.target.value) || 0))) })}
                    />
                  </label>
                ))}
                {editable ? (
                  <button type="button" className="secondary" data-testid={`intake-material-${index}-complete`} onClick={() => update(index, complete(entry))}>
                    {t('intake.markComplete')}
                  </button>
                ) : null}
                {caseId !== null ? <ScanUpload cases={cases} caseId={caseId} materialName={m.name} testId={`intake-material-${index}-scan`} /> : null}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
