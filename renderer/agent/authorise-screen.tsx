// 委托: the villager, the item (searched offline), scope and period, and the villager's mark — drawn
// on the touchscreen or a scanned signed 委托书. Saved as a draft while typed.
import { useEffect, useRef, useState } from 'react';
import { residentIdProblem } from '../../electron/contract/identity.js';
import type { CatalogItemView } from '../../electron/contract/agent-node.js';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../shared/form-errors';
import { currentLanguage } from '../shared/i18n';
import { printInHiddenFrame } from '../shared/print-html';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';
import { authorisationHtml } from './agent-print';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';
import { rememberDraft, useDraft } from './use-draft';

const FIELDS = ['villageCode', 'applicantName', 'residentId', 'mobile', 'itemCode', 'scope', 'validFrom', 'validUntil', 'signature'];
type SignatureKind = 'drawn' | 'thumbprint' | 'scanned-form';

export function AuthoriseScreen({ requestId, onAuthorised, onSaved }: { requestId: string; onAuthorised: (id: string) => void; onSaved?: () => void }) {
  const { t } = useT();
  const { draft, update, loaded, save } = useDraft(requestId, onSaved);
  const [villages, setVillages] = useState<{ code: string; name: string }[]>([]);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<CatalogItemView[]>([]);
  const [kind, setKind] = useState<SignatureKind>('drawn');
  const [scannedForm, setScannedForm] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);

  useEffect(() => void agentApi.villages().then(setVillages, () => setVillages([])), []);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => void agentApi.catalog(q).then((r) => live && setItems(r), () => undefined), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  const idProblem = draft.residentId.length === 18 ? residentIdProblem(draft.residentId) : null;
  const villageName = villages.find((v) => v.code === draft.villageCode)?.name ?? '';

  const print = () =>
    void printInHiddenFrame(
      authorisationHtml(t, currentLanguage(), {
        villageName,
        applicantName: draft.applicantName,
        residentId: draft.residentId,
        mobile: draft.mobile,
        itemName: draft.itemName,
        scope: draft.scope,
        validFrom: draft.validFrom,
        validUntil: draft.validUntil,
        agentName: '',
        signatureDataUrl: kind === 'scanned-form' ? null : (pad.current?.toDataUrl() ?? null),
      }),
      document,
      { testId: 'authorisation-print', keep: true },
    );

  const submit = async () => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const image = kind === 'scanned-form' ? scannedForm : await pad.current?.toBlob();
      if (!image) {
        setErrors({ fields: { signature: t('agent.authorise.signatureNeeded') }, general: [t('errors.validation')] });
        return;
      }
      await agentApi.saveDraft(requestId, draft);
      const sha256 = await agentApi.storeScan(image);
      await agentApi.authorise(requestId, {
        villageCode: draft.villageCode,
        applicantName: draft.applicantName,
        residentId: draft.residentId,
        mobile: draft.mobile,
        itemCode: draft.itemCode,
        itemName: draft.itemName,
        scope: draft.scope,
        validFrom: draft.validFrom,
        validUntil: draft.validUntil,
        signature: { kind, sha256 },
      });
      rememberDraft(null);
      onAuthorised(requestId);
    } catch (err) {
      setErrors(formErrorsFrom(t, err, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return <p>{t('common.loading')}</p>;
  const err = (f: string) => errors.fields[f] && <span className="agent-field-error">{errors.fields[f]}</span>;
  return (
    <section className="agent-card" aria-labelledby="authorise-title">
      <h2 id="authorise-title">{t('agent.authorise.title')}</h2>
      <p className="agent-save" data-testid="draft-save" data-state={save}>{t(`agent.save.${save}`)}</p>
      {errors.general.map((g) => <p key={g} className="agent-error" role="alert">{g}</p>)}
      <div className="agent-grid">
        <label>
          {t('agent.fields.village')}
          <select value={draft.villageCode} onChange={(e) => update({ villageCode: e.target.value })}>
            <option value="">{t('agent.authorise.chooseVillage')}</option>
            {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
          {err('villageCode')}
        </label>
        <label>
          {t('agent.fields.applicantName')}
          <input value={draft.applicantName} onChange={(e) => update({ applicantName: e.target.value })} />
          {err('applicantName')}
        </label>
        <label>
          {t('agent.fields.residentId')}
          <input value={draft.residentId} maxLength={18} inputMode="text" onChange={(e) => update({ residentId: e.target.value.toUpperCase() })} />
          {idProblem ? <span className="agent-field-error">{t(`validation.${idProblem}`)}</span> : err('residentId')}
        </label>
        <label>
          {t('agent.fields.mobile')}
          <input value={draft.mobile} maxLength={11} inputMode="tel" onChange={(e) => update({ mobile: e.target.value })} />
          {err('mobile')}
        </label>
      </div>
      <fieldset className="agent-item-pick">
        <legend>{t('agent.fields.item')}{draft.itemName && <strong data-testid="chosen-item"> — {draft.itemName}</strong>}</legend>
        <input type="search" value={q} placeholder={t('agent.authorise.searchItem')} aria-label={t('agent.authorise.searchItem')} onChange={(e) => setQ(e.target.value)} />
        <ul className="agent-item-results">
          {items.slice(0, 8).map((i) => (
            <li key={i.code}>
              <button type="button" className={i.code === draft.itemCode ? '' : 'secondary'} aria-pressed={i.code === draft.itemCode} onClick={() => update({ itemCode: i.code, itemName: i.name })}>
                {i.name}
              </button>
            </li>
          ))}
        </ul>
        {err('itemCode')}
      </fieldset>
      <label>
        {t('agent.fields.scope')}
        <textarea rows={2} value={draft.scope} placeholder={t('agent.authorise.scopeHint')} onChange={(e) => update({ scope: e.target.value })} />
        {err('scope')}
      </label>
      <div className="agent-grid">
        <label>
          {t('agent.fields.validFrom')}
          <input type="date" value={draft.validFrom} onChange={(e) => update({ validFrom: e.target.value })} />
          {err('validFrom')}
        </label>
        <label>
          {t('agent.fields.validUntil')}
          <input type="date" value={draft.validUntil} onChange={(e) => update({ validUntil: e.target.value })} />
          {err('validUntil')}
        </label>
      </div>
      <fieldset>
        <legend>{t('agent.authorise.signature')}</legend>
        <div className="agent-choice" role="group">
          {(['drawn', 'thumbprint', 'scanned-form'] as const).map((k) => (
            <button key={k} type="button" className={k === kind ? '' : 'secondary'} aria-pressed={k === kind} onClick={() => setKind(k)}>
              {t(`agent.signatureKinds.${k}`)}
            </button>
          ))}
        </div>
        {kind === 'scanned-form' ? (
          <label className="agent-file">
            {t('agent.authorise.scannedForm')}
            <input type="file" accept="image/*,application/pdf" capture="environment" onChange={(e) => setScannedForm(e.target.files?.[0] ?? null)} />
          </label>
        ) : (
          <SignaturePad ref={pad} label={t(kind === 'thumbprint' ? 'agent.authorise.thumbHere' : 'agent.authorise.signHere')} />
        )}
        {err('signature')}
      </fieldset>
      <div className="agent-actions">
        <button type="button" className="secondary" onClick={print}>{t('agent.authorise.print')}</button>
        <button type="button" disabled={busy} onClick={() => void submit()} data-testid="authorise-submit">{t('agent.authorise.submit')}</button>
      </div>
      {busy && <p>{t('common.loading')}</p>}
    </section>
  );
}
