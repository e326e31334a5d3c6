// New or changed catalogue item: its basic elements, its guide and its materials, with the reason for
// each rejected field shown under that field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { catalogApi } from '../../shared/catalog-api';
import { HANDLING_KINDS, HANDLING_LEVELS, Item, ITEM_TYPES, LIMIT_UNITS, type TimeLimit } from '../../shared/catalog-contract';
import { fieldIssues } from '../../shared/contract';
import { CheckboxField, FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { draftOf, inputOf, newDraft, type ItemDraft } from './item-draft';
import { MaterialsEditor } from './materials-editor';

const FIELDS = ['code', 'implementationCode', 'name', 'keywords', 'type', 'parentCode', 'handlingKind', 'department', 'implementingBody', 'legalBasis', 'conditions',
  'legalLimit', 'promisedLimit', 'steps', 'fee', 'online', 'visits', 'place', 'hours', 'window', 'consultPhone', 'complaintPhone', 'faq',
  'specialSteps', 'handlingLevel', 'materials', 'active', 'example'] as const;

function Area({ label, value, onValue, error, rows = 3 }: { label: string; value: string; onValue: (v: string) => void; error?: string | undefined; rows?: number }) {
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label>
        {label}
        <textarea rows={rows} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

export function ItemEditor({ item, onSaved, onCancel }: { item: Item | null; onSaved: (item: Item) => void; onCancel: () => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const [draft, setDraft] = useState<ItemDraft>(() => (item ? draftOf(item) : newDraft()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ItemDraft>(key: K) => (value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: (typeof FIELDS)[number]) => errors.fields[f];
  const text = (key: 'code' | 'implementationCode' | 'name' | 'department' | 'implementingBody' | 'place' | 'hours' | 'window' | 'consultPhone' | 'complaintPhone'): ReactNode => (
    <TextField label={t(`fields.${key}`)} value={draft[key]} onValue={set(key)} error={err(key)} disabled={key === 'code' && item !== null} />
  );
  const limit = (key: 'legalLimit' | 'promisedLimit', value: TimeLimit | null) => (
    <div className="catalog-limit">
      <TextField label={t(`fields.${key}`)} type="number" min={0} value={value ? String(value.value) : ''} error={err(key)}
        onValue={(v) => set(key)((v === '' && key === 'legalLimit' ? null : { value: Math.max(0, Math.floor(Number(v)) || 0), unit: value?.unit ?? 'working_days' }) as TimeLimit)} />
      <SelectField label={t('fields.unit')} value={value?.unit ?? 'working_days'} options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`catalog.unitNames.${u}`) }))}
        onValue={(u) => set(key)({ value: value?.value ?? 0, unit: u as TimeLimit['unit'] })} />
    </div>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(draft);
    const parsed = Item.safeParse(input);
    if (!parsed.success) return setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
    setBusy(true);
    try {
      const catalog = catalogApi(api);
      const { code, ...rest } = parsed.data;
      onSaved(item ? await catalog.update(code, rest) : await catalog.create(parsed.data));
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel catalog-editor" data-testid="catalog-editor" onSubmit={submit} noValidate>
      <h2>{item ? t('catalog.editTitle', { name: item.name }) : t('catalog.newTitle')}</h2>
      <FormMessages messages={errors.general} />
      <div className="catalog-grid">
        {text('code')}
        {text('implementationCode')}
        {text('name')}
        <TextField label={t('fields.keywords')} value={draft.keywords} onValue={set('keywords')} error={err('keywords')} hint={t('catalog.keywordsHint')} />
        <SelectField label={t('fields.type')} value={draft.type} error={err('type')} options={ITEM_TYPES.map((c) => ({ value: c, label: `${c} ${t(`catalog.types.${c}`)}` }))} onValue={(v) => set('type')(v as ItemDraft['type'])} />
        <TextField label={t('fields.parentCode')} value={draft.parentCode ?? ''} error={err('parentCode')} onValue={(v) => set('parentCode')(v.trim() ? v.toUpperCase() : null)} />
        <SelectField label={t('fields.handlingKind')} value={draft.handlingKind ?? ''} options={[{ value: '', label: t('catalog.kinds.none') }, ...HANDLING_KINDS.map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))]} onValue={(v) => set('handlingKind')((v || null) as ItemDraft['handlingKind'])} />
        {text('department')}
        {text('implementingBody')}
        <SelectField label={t('fields.handlingLevel')} value={draft.handlingLevel} options={HANDLING_LEVELS.map((l) => ({ value: l, label: t(`catalog.levels.${l}`) }))} onValue={(v) => set('handlingLevel')(v as ItemDraft['handlingLevel'])} />
        <TextField label={t('fields.visits')} type="number" min={0} value={String(draft.visits)} error={err('visits')} onValue={(v) => set('visits')(Math.max(0, Math.floor(Number(v)) || 0))} />
        {limit('legalLimit', draft.legalLimit)}
        {limit('promisedLimit', draft.promisedLimit)}
        {text('place')}
        {text('hours')}
        {text('window')}
        {text('consultPhone')}
        {text('complaintPhone')}
      </div>
      <div className="catalog-checks">
        <CheckboxField label={t('fields.online')} checked={draft.online} onChecked={set('online')} />
        <CheckboxField label={t('fields.charged')} checked={draft.fee.charged} onChecked={(c) => set('fee')({ ...draft.fee, charged: c })} />
        <CheckboxField label={t('fields.active')} checked={draft.active} onChecked={set('active')} />
        <CheckboxField label={t('fields.example')} checked={draft.example} onChecked={set('example')} />
      </div>
      {draft.fee.charged ? (
        <div className="catalog-grid">
          <TextField label={t('fields.standard')} value={draft.fee.standard} error={err('fee')} onValue={(v) => set('fee')({ ...draft.fee, standard: v })} />
          <TextField label={t('fields.basis')} value={draft.fee.basis} onValue={(v) => set('fee')({ ...draft.fee, basis: v })} />
        </div>
      ) : null}
      <Area label={t('fields.conditions')} value={draft.conditions} onValue={set('conditions')} error={err('conditions')} />
      <Area label={t('fields.legalBasis')} value={draft.legalBasis} onValue={set('legalBasis')} error={err('legalBasis')} />
      <Area label={t('catalog.stepsHint')} value={draft.steps} onValue={set('steps')} error={err('steps')} rows={4} />
      <Area label={t('catalog.faqHint')} value={draft.faq} onValue={set('faq')} error={err('faq')} rows={4} />
      <MaterialsEditor rows={draft.materials} onRows={set('materials')} error={err('materials')} />
      <div className="form-actions">
        <button type="submit" disabled={busy} data-testid="catalog-save">{t('common.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
