// The item's check-list at the village: originals and copies counted with big steppers, scans or
// photos taken with the camera, and what is still missing shown in red before the agent travels.
import { useState } from 'react';
import type { AgentMaterialView } from '../../electron/contract/agent-node.js';
import { missingMaterials } from '../../electron/contract/agent-materials.js';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';

export type MaterialLine = AgentMaterialView;

export function missingOf(lines: readonly MaterialLine[]): string[] {
  return missingMaterials(lines, lines);
}

function Stepper({ label, value, onChange }: { label: string; value: number; onChange: (n: number) => void }) {
  return (
    <span className="agent-stepper" role="group" aria-label={label}>
      <span className="agent-stepper-label">{label}</span>
      <button type="button" className="secondary" aria-label={`${label} −`} disabled={value <= 0} onClick={() => onChange(value - 1)}>−</button>
      <output aria-live="polite">{value}</output>
      <button type="button" className="secondary" aria-label={`${label} +`} disabled={value >= 99} onClick={() => onChange(value + 1)}>+</button>
    </span>
  );
}

export function MaterialsChecklist({ lines, onChange }: { lines: MaterialLine[]; onChange: (lines: MaterialLine[]) => void }) {
  const { t } = useT();
  const [scanning, setScanning] = useState<string | null>(null);
  const [scanError, setScanError] = useState('');
  const missing = new Set(missingOf(lines));
  const set = (name: string, patch: Partial<MaterialLine>) => onChange(lines.map((l) => (l.name === name ? { ...l, ...patch } : l)));
  const addScan = (name: string, file: File | undefined) => {
    if (!file) return;
    setScanning(name);
    setScanError('');
    agentApi
      .storeScan(file)
      .then((sha) => {
        const line = lines.find((l) => l.name === name);
        if (line) set(name, { scans: [...line.scans, sha] });
      }, () => setScanError(t('agent.collect.scanFailed')))
      .finally(() => setScanning(null));
  };
  return (
    <div>
      {missing.size > 0 ? (
        <p className="agent-missing" role="alert" data-testid="missing-summary">
          {t('agent.collect.missing', { count: missing.size, names: [...missing].join('、') })}
        </p>
      ) : (
        <p className="agent-complete" data-testid="missing-summary">{t('agent.collect.complete')}</p>
      )}
      {scanError && <p className="agent-error" role="alert">{scanError}</p>}
      <ul className="agent-checklist">
        {lines.map((l) => (
          <li key={l.name} className={missing.has(l.name) ? 'missing' : ''} data-testid="material-line" data-name={l.name}>
            <div className="agent-material-name">
              <strong>{l.name}</strong>
              <span className="agent-material-need">
                {l.required ? t('agent.collect.required') : t('agent.collect.optional')} ·{' '}
                {t('agent.collect.expected', { originals: l.expectedOriginals, copies: l.expectedCopies })}
              </span>
              {missing.has(l.name) && <span className="agent-missing-tag">{t('agent.collect.missingTag')}</span>}
            </div>
            <Stepper label={t('agent.collect.originals')} value={l.originals} onChange={(n) => set(l.name, { originals: n })} />
            <Stepper label={t('agent.collect.copies')} value={l.copies} onChange={(n) => set(l.name, { copies: n })} />
            <label className="agent-file button secondary">
              {scanning === l.name ? t('common.loading') : t('agent.collect.scan', { count: l.scans.length })}
              <input type="file" accept="image/*,application/pdf" capture="environment" onChange={(e) => addScan(l.name, e.target.files?.[0])} />
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
