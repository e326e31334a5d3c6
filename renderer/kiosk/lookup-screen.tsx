// 办件查询: a citizen types the case number and the 6-digit query password from the receipt, and sees
// where the case stands — the state, the item and the dates, nothing personal.
import './lookup-screen.css';
import { useState } from 'react';
import { CaseLookupResponse, type CaseStatus } from '../../electron/contract/cases.js';
import type { ApiClient } from '../shared/api-client';
import { errorMessage } from '../shared/api-error';
import { useT } from '../shared/use-t';
import { InnerNav } from './inner-nav';
import { digitsOnly, lookupFailure, lookupReady, pressLookupKey, statusLabelKey, statusNextKey, type LookupField, type LookupKey } from './lookup-model';

const KEYS: LookupKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

export function LookupScreen({ api, onBack }: { api: ApiClient; onBack: () => void }) {
  const { t } = useT();
  const [field, setField] = useState<LookupField>('caseNo');
  const [values, setValues] = useState<Record<LookupField, string>>({ caseNo: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<CaseLookupResponse | null>(null);

  const setValue = (which: LookupField, value: string) => {
    setValues((v) => ({ ...v, [which]: value }));
    setProblem(null);
  };
  const press = (key: LookupKey) => setValue(field, pressLookupKey(values[field], key, field));

  const submit = async () => {
    if (!lookupReady(values.caseNo, values.password) || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setResult(await api.request('POST', '/cases/lookup', { body: values, schema: CaseLookupResponse }));
    } catch (error) {
      const failure = lookupFailure(error);
      setProblem(failure === 'wrong' ? t('kioskLookup.wrong') : failure === 'unreachable' ? t('kiosk.unreachable') : errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <section className="kiosk-inner kiosk-lookup" data-testid="kiosk-lookup-screen">
        <InnerNav title={t('kioskLookup.title')} onBack={() => { setResult(null); setValues({ caseNo: '', password: '' }); setField('caseNo'); }} onHome={onBack} />
        <LookupResult result={result} />
      </section>
    );
  }

  return (
    <section className="kiosk-inner kiosk-lookup" data-testid="kiosk-lookup-screen">
      <InnerNav title={t('kioskLookup.title')} onBack={onBack} />
      <p className="kiosk-hint">{t('kioskLookup.prompt')}</p>
      <div className="lookup-fields">
        {(['caseNo', 'password'] as const).map((which) => (
          <label key={which} className={field === which ? 'lookup-field active' : 'lookup-field'}>
            <span className="lookup-field-label">{t(`kioskLookup.${which}`)}</span>
            <input
              data-testid={which === 'caseNo' ? 'kiosk-lookup-case-no' : 'kiosk-lookup-password'}
              value={values[which]}
              inputMode="numeric"
              autoComplete="off"
              placeholder={which === 'caseNo' ? t('kioskLookup.caseNoHint') : t('kioskLookup.passwordHint')}
              onFocus={() => setField(which)}
              onChange={(e) => setValue(which, digitsOnly(e.target.value, which))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void submit();
              }}
            />
          </label>
        ))}
      </div>
      {problem ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-lookup-error">
          {problem}
        </div>
      ) : null}
      <div className="lookup-pad">
        <div className="kiosk-keypad">
          {KEYS.map((key) => (
            <button key={key} type="button" className={key.length > 1 ? 'secondary kiosk-key kiosk-key-edit' : 'kiosk-key'} disabled={busy} onClick={() => press(key)}>
              {key === 'clear' ? t('kiosk.keypadClear') : key === 'back' ? t('kiosk.keypadBack') : key}
            </button>
          ))}
        </div>
        <button type="button" className="kiosk-primary" data-testid="kiosk-lookup-submit" disabled={busy || !lookupReady(values.caseNo, values.password)} onClick={() => void submit()}>
          {busy ? t('kioskLookup.searching') : t('kioskLookup.submit')}
        </button>
      </div>
    </section>
  );
}

function LookupResult({ result }: { result: CaseLookupResponse }) {
  const { t } = useT();
  const status: CaseStatus = result.status;
  const rows: Array<[string, string]> = [
    [t('kioskLookup.caseNo'), result.caseNo],
    [t('kioskLookup.item'), result.itemName],
    [t('kioskLookup.received'), result.receivedDate],
    [t('kioskLookup.accepted'), result.acceptedDate ?? t('kioskLookup.notYet')],
    [t('kioskLookup.due'), result.dueDate ?? t('kioskLookup.noDue')],
  ];
  return (
    <div className="lookup-result" data-testid="kiosk-lookup-result" data-status={status}>
      <p className={`lookup-status status-${status}`}>{t(statusLabelKey(status))}</p>
      <p className="lookup-next">{t(statusNextKey(status))}</p>
      <dl className="lookup-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
