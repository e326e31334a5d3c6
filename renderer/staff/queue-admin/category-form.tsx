// New or changed queue category: what the kiosk offers and how its numbers look (A001…).
import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../shared/contract';
import { CheckboxField, FormMessages, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { queueApi } from '../../shared/queue-api';
import { CreateCategoryRequest, UpdateCategoryRequest, type CategoryView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { numberOrNull, numberOrUndefined, textOrNull } from './form-numbers';

const FIELDS = ['code', 'name', 'prefix', 'description', 'dailyLimit', 'priorityAllowed', 'itemCode', 'sortOrder', 'active'] as const;

interface CategoryFormProps {
  /** The category to change; null for a new one. */
  category: CategoryView | null;
  onSaved: (category: CategoryView) => void;
  onCancel: () => void;
}

export function CategoryForm({ category, onSaved, onCancel }: CategoryFormProps) {
  const { t } = useT();
  const { api } = useStaff();
  const [code, setCode] = useState(category?.code ?? '');
  const [name, setName] = useState(category?.name ?? '');
  const [prefix, setPrefix] = useState(category?.prefix ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [dailyLimit, setDailyLimit] = useState(category?.dailyLimit === null || !category ? '' : String(category.dailyLimit));
  const [priorityAllowed, setPriorityAllowed] = useState(category?.priorityAllowed ?? true);
  const [itemCode, setItemCode] = useState(category?.itemCode ?? '');
  const [sortOrder, setSortOrder] = useState(category ? String(category.sortOrder) : '');
  const [active, setActive] = useState(category?.active ?? true);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty box is "missing" (必须填写), not also "wrong characters".
    const given = (text: string) => (text.trim() === '' ? undefined : text);
    const common = {
      name: given(name),
      prefix: given(prefix.toUpperCase()),
      description,
      dailyLimit: numberOrNull(dailyLimit),
      priorityAllowed,
      itemCode: textOrNull(itemCode),
      ...(numberOrUndefined(sortOrder) === undefined ? {} : { sortOrder: numberOrUndefined(sortOrder) }),
    };
    const input = category ? { ...common, active } : { ...common, code: given(code.toUpperCase()) };
    const parsed = (category ? UpdateCategoryRequest : CreateCategoryRequest).safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    setBusy(true);
    try {
      const queue = queueApi(api);
      const saved = category
        ? await queue.updateCategory(category.code, parsed.data as UpdateCategoryRequest)
        : await queue.createCategory(parsed.data as CreateCategoryRequest);
      onSaved(saved);
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const title = category ? t('queueAdmin.categoryEditTitle', { name: category.name }) : t('queueAdmin.categoryCreate');
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-label={title} data-testid="category-form">
      <h2>{title}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('fields.code')} value={code} onValue={setCode} error={errors.fields.code} hint={t('queueAdmin.codeHint')} disabled={category !== null} autoComplete="off" />
        <TextField label={t('fields.name')} value={name} onValue={setName} error={errors.fields.name} autoComplete="off" />
        <TextField label={t('fields.prefix')} value={prefix} onValue={setPrefix} error={errors.fields.prefix} hint={t('queueAdmin.prefixHint')} autoComplete="off" />
        <TextField label={t('fields.dailyLimit')} value={dailyLimit} onValue={setDailyLimit} error={errors.fields.dailyLimit} hint={t('queueAdmin.dailyLimitHint')} inputMode="numeric" />
        <TextField label={t('fields.itemCode')} value={itemCode} onValue={setItemCode} error={errors.fields.itemCode} hint={t('queueAdmin.itemCodeHint')} autoComplete="off" />
        <TextField label={t('fields.sortOrder')} value={sortOrder} onValue={setSortOrder} error={errors.fields.sortOrder} hint={t('queueAdmin.sortOrderHint')} inputMode="numeric" />
      </div>
      <TextField label={t('fields.description')} value={description} onValue={setDescription} error={errors.fields.description} hint={t('queueAdmin.descriptionHint')} autoComplete="off" />
      <CheckboxField label={t('queueAdmin.priorityAllowedLabel')} checked={priorityAllowed} onChecked={setPriorityAllowed} error={errors.fields.priorityAllowed} />
      {category ? <CheckboxField label={t('queueAdmin.activeLabel')} checked={active} onChecked={setActive} error={errors.fields.active} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{category ? t('common.save') : t('queueAdmin.categoryCreateSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
