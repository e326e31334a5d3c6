// New or changed window: its number, name, the categories it calls in order, and its rating pad.
import { useState, type FormEvent } from 'react';
import { fieldIssues, type DeviceView } from '../../shared/contract';
import { CheckboxField, FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { queueApi } from '../../shared/queue-api';
import { CreateWindowRequest, UpdateWindowRequest, type CategoryView, type WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { numberOrUndefined } from './form-numbers';
import { OrderedPick } from './ordered-pick';

const FIELDS = ['number', 'name', 'categoryCodes', 'ratingDeviceId', 'active'] as const;

interface WindowFormProps {
  window: WindowView | null;
  categories: readonly CategoryView[];
  ratingPads: readonly DeviceView[];
  onSaved: (window: WindowView) => void;
  onCancel: () => void;
}

export function WindowForm({ window: editing, categories, ratingPads, onSaved, onCancel }: WindowFormProps) {
  const { t } = useT();
  const { api } = useStaff();
  const [number, setNumber] = useState(editing ? String(editing.number) : '');
  const [name, setName] = useState(editing?.name ?? '');
  const [categoryCodes, setCategoryCodes] = useState<string[]>(editing?.categoryCodes ?? []);
  const [ratingDeviceId, setRatingDeviceId] = useState(editing?.ratingDeviceId ? String(editing.ratingDeviceId) : '');
  const [active, setActive] = useState(editing?.active ?? true);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const categoryOptions = categories
    .filter((c) => c.active || categoryCodes.includes(c.code))
    .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  // A pad already chosen stays listed even if revoked since, so the form shows what is saved.
  const padOptions = [
    { value: '', label: t('queueAdmin.noRatingPad') },
    ...ratingPads
      .filter((d) => !d.revoked || String(d.id) === ratingDeviceId)
      .map((d) => ({ value: String(d.id), label: d.revoked ? `${d.name}（${t('deviceStates.revoked')}）` : d.name })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = { name, categoryCodes, ratingDeviceId: ratingDeviceId === '' ? null : Number(ratingDeviceId) };
    const input = editing ? { ...common, active } : { ...common, number: numberOrUndefined(number) };
    const parsed = (editing ? UpdateWindowRequest : CreateWindowRequest).safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    setBusy(true);
    try {
      const queue = queueApi(api);
      onSaved(editing ? await queue.updateWindow(editing.id, parsed.data as UpdateWindowRequest) : await queue.createWindow(parsed.data as CreateWindowRequest));
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? t('queueAdmin.windowEditTitle', { number: editing.number }) : t('queueAdmin.windowCreate');
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-label={title} data-testid="window-form">
      <h2>{title}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('fields.number')} value={number} onValue={setNumber} error={errors.fields.number} disabled={editing !== null} inputMode="numeric" hint={t('queueAdmin.windowNumberHint')} />
        <TextField label={t('fields.name')} value={name} onValue={setName} error={errors.fields.name} autoComplete="off" hint={t('queueAdmin.windowNameHint')} />
        <SelectField label={t('fields.ratingDeviceId')} value={ratingDeviceId} onValue={setRatingDeviceId} options={padOptions} error={errors.fields.ratingDeviceId} />
      </div>
      <OrderedPick
        label={t('queueAdmin.windowCategories')}
        hint={t('queueAdmin.windowCategoriesHint')}
        options={categoryOptions}
        value={categoryCodes}
        onChange={setCategoryCodes}
        error={errors.fields.categoryCodes}
        testId="window-categories"
      />
      {editing ? <CheckboxField label={t('queueAdmin.windowActiveLabel')} checked={active} onChecked={setActive} error={errors.fields.active} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{editing ? t('common.save') : t('queueAdmin.windowCreateSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
