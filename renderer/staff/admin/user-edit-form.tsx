import { useState, type FormEvent } from 'react';
import { useT } from '../../shared/use-t';
import { UpdateUserRequest, type Role, type UserView, fieldIssues } from '../../shared/contract';
import { CheckboxField, FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useStaff } from '../staff-context';
import { roleOptions } from './role-options';
import { userPatch, type EditValues } from './user-patch';

const FIELDS = ['displayName', 'role', 'active', 'password'] as const;

export function UserEditForm({ user, onSaved, onCancel }: { user: UserView; onSaved: (user: UserView) => void; onCancel: () => void }) {
  const { t } = useT();
  const { api, session } = useStaff();
  const [values, setValues] = useState<EditValues>({ displayName: user.displayName, role: user.role, active: user.active, password: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EditValues>(key: K) => (value: EditValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const isSelf = session.user.id === user.id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = userPatch(user, values);
    if (Object.keys(patch).length === 0) {
      setErrors({ fields: {}, general: [t('users.noChanges')] });
      return;
    }
    const parsed = UpdateUserRequest.safeParse(patch);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, patch), FIELDS));
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.updateUser(user.id, parsed.data));
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-edit-title" data-testid="user-edit-form">
      <h2 id="user-edit-title">{t('users.editTitle', { username: user.username })}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('fields.displayName')} value={values.displayName} onValue={set('displayName')} error={errors.fields.displayName} autoComplete="off" />
        <SelectField label={t('fields.role')} value={values.role} onValue={(v) => set('role')(v as Role)} options={roleOptions(t)} error={errors.fields.role} />
        <TextField label={t('users.newPassword')} type="password" value={values.password} onValue={set('password')} error={errors.fields.password} hint={t('users.newPasswordHint')} autoComplete="new-password" />
        <CheckboxField label={t('users.activeLabel')} checked={values.active} onChecked={set('active')} error={errors.fields.active} />
      </div>
      {isSelf ? <p className="muted">{t('users.selfNote')}</p> : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('common.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
