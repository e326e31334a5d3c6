import { useState, type FormEvent } from 'react';
import { useT } from '../../shared/use-t';
import { CreateUserRequest, type Role, type UserView, fieldIssues } from '../../shared/contract';
import { FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useStaff } from '../staff-context';
import { roleOptions } from './role-options';

const FIELDS = ['username', 'displayName', 'password', 'role'] as const;

export function UserCreateForm({ onCreated, onCancel }: { onCreated: (user: UserView) => void; onCancel: () => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { username, displayName, password, role };
    const parsed = CreateUserRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    setBusy(true);
    try {
      onCreated(await api.createUser(parsed.data));
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-create-title" data-testid="user-create-form">
      <h2 id="user-create-title">{t('users.create')}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('fields.username')} value={username} onValue={setUsername} error={errors.fields.username} hint={t('users.usernameHint')} autoComplete="off" />
        <TextField label={t('fields.displayName')} value={displayName} onValue={setDisplayName} error={errors.fields.displayName} autoComplete="off" />
        <TextField label={t('fields.password')} type="password" value={password} onValue={setPassword} error={errors.fields.password} hint={t('users.passwordHint')} autoComplete="new-password" />
        <SelectField label={t('fields.role')} value={role} onValue={(v) => setRole(v as Role)} options={roleOptions(t)} error={errors.fields.role} />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('users.createSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
