// 办件查询: a citizen types the case number and the 6-digit query password from the receipt, and sees
// where the case stands — the state, the item and the dates, nothing personal — and may rate each
// stage the case has reached (评价, lookup-rating.tsx).
import './lookup-screen.css';
import { useState } from 'react';
import { CaseLookupResponse, type CaseRatingStage, type CaseStatus } from '../../electron/contract/cases.js';
import type { ApiClient } from '../shared/api-client';
import { errorMessage } from '../shared/api-error';
import { formatDateTime } from '../shared/format';
import { useT } from '../shared/use-t';
import { InnerNav } from './inner-nav';
import { CaseRating } from './lookup-rating';
import { withoutStage } from './lookup-rating-model';
import { digitsOnly, lookupFailure, lookupReady, pressLookupKey, statusLabelKey, statusNextKey, type LookupField, type LookupKey } from './lookup-model';

const KEYS: LookupKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

export function LookupScreen({ api, onBack }: { api: ApiClient; onBack: () => void }) {
  const { t } = useT();
  const [field, setField] = useState<LookupField>('caseNo');
  const [values, setValues] = useState<Record<LookupField, string>>({ caseNo: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<CaseLookupResponse | null>(null);
  const [rating, setRating] = useState<CaseRatingStage | 'followup' | null>(null);
  /** After a rating: thanks, or the host's word on why it could not be stored. */
  const [ratingNote, setRatingNote] = useState<{ thanks: boolean; message: string } | null>(null);

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
      const messages: Record<typeof failure, () => string> = {
        wrong: () => t('kioskLookup.wrong'),
        rateLimited: () => t('kioskLookup.locked'),
        unreachable: () => t('kiosk.unreachable'),
        other: () => errorMessage(t, error),
      };
      setProblem(messages[failure]());
    } finally {
      setBusy(false);
    }
  };

  if (result && rating) {
    return (
      <section className="kiosk-inner kiosk-case-rating" data-testid="kiosk-lookup-screen">
        <InnerNav title={t('kioskLookup.rating.title')} onBack={() => setRating(null)} onHome={onBack} />
        <CaseRating
          key={rating}
          api={api}
          caseNo={result.caseNo}
          password={values.password}
          stage={rating}
          onDone={(outcome) => {
            if (outcome.kind !== 'refused') setResult(rating === 'followup' ? { ...result, followupOpen: false } : withoutStage(result, rating));
            setRatingNote(outcome.kind === 'thanks' ? { thanks: true, message: t('kioskLookup.rating.thanks') } : { thanks: false, message: outcome.message });
            setRating(null);
          }}
        />
      </section>
    );
  }

  if (result) {
    return (
      <section className="kiosk-inner kiosk-lookup" data-testid="kiosk-lookup-screen">
        <InnerNav title={t('kioskLookup.title')} onBack={() => { setResult(null); setRatingNote(null); setValues({ caseNo: '', password: '' }); setField('caseNo'); }} onHome={onBack} />
        <LookupResult result={result} />
        {ratingNote ? (
          <div className={ratingNote.thanks ? 'lookup-rating-thanks' : 'kiosk-alert'} role={ratingNote.thanks ? 'status' : 'alert'} data-testid="kiosk-case-rating-note">
            {ratingNote.message}
          </div>
        ) : null}
        <RateStages
          stages={result.rateableStages}
          onRate={(stage) => {
            setRatingNote(null);
            setRating(stage);
          }}
        />
        {result.followupOpen ? (
          <div className="lookup-rate" data-testid="kiosk-followup">
            <p className="kiosk-hint">{t('kioskLookup.rating.followupOffer')}</p>
            <div className="lookup-rate-buttons">
              <button type="button" className="kiosk-primary lookup-rate-button" data-testid="kiosk-rate-followup" onClick={() => { setRatingNote(null); setRating('followup'); }}>
                <span>{t('kioskLookup.rating.rate.followup')}</span>
              </button>
            </div>
          </div>
        ) : null}
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

/** A 评价 button for each stage reached, not yet rated and inside the period, with its last day. */
function RateStages({ stages, onRate }: { stages: CaseLookupResponse['rateableStages']; onRate: (stage: CaseRatingStage) => void }) {
  const { t, language } = useT();
  if (stages.length === 0) return null;
  return (
    <div className="lookup-rate" data-testid="kiosk-rate-stages">
      <p className="kiosk-hint">{t('kioskLookup.rating.offer')}</p>
      <div className="lookup-rate-buttons">
        {stages.map(({ stage, until }) => (
          <button key={stage} type="button" className="kiosk-primary lookup-rate-button" data-testid={`kiosk-rate-${stage}`} onClick={() => onRate(stage)}>
            <span>{t(`kioskLookup.rating.rate.${stage}`)}</span>
            <small>{t('kioskLookup.rating.until', { date: formatDateTime(until, language) })}</small>
          </button>
        ))}
      </div>
    </div>
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
