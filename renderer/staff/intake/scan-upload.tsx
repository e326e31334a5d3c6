// 扫描件: a PDF, JPEG or PNG of up to 10 MB attached to one material of a received case.
import { useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import type { IntakeApi } from './intake-api';
import { scanFileName, scanFileProblem } from './intake-model';

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ScanUpload({ cases, caseId, materialName, testId }: { cases: IntakeApi; caseId: number; materialName: string; testId: string }) {
  const { t } = useT();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const [count, setCount] = useState(0);

  const send = async (file: File) => {
    const problem = scanFileProblem(file);
    if (problem) return setState({ kind: 'error', text: t(`intake.${problem}`) });
    setState({ kind: 'busy', text: t('intake.scanUploading') });
    try {
      await cases.uploadScan(caseId, { materialName, fileName: scanFileName(file.name), contentType: file.type, dataBase64: await base64Of(file) });
      setCount((n) => n + 1);
      setState({ kind: 'done', text: t('intake.scanDone', { name: file.name }) });
    } catch (failure) {
      setState({ kind: 'error', text: errorMessage(t, failure) });
    }
  };

  return (
    <span className="intake-scan">
      <label className="button secondary intake-scan-button">
        {t('intake.scanAttach')}
        {count > 0 ? ` (${count})` : ''}
        <input
          type="file"
          className="visually-hidden"
          accept="application/pdf,image/jpeg,image/png"
          data-testid={testId}
          disabled={state.kind === 'busy'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }}
        />
      </label>
      {state.kind === 'idle' ? null : (
        <span className={state.kind === 'error' ? 'field-error' : 'muted'} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.text}
        </span>
      )}
    </span>
  );
}
