import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../shared/use-t';
import { CreateDeviceRequest, DEVICE_KINDS, type CreateDeviceResponse, type DeviceKind, fieldIssues } from '../../shared/contract';
import { FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useStaff } from '../staff-context';
import { villagesApi } from '../villages/villages-api';

const FIELDS = ['name', 'kind', 'agentId'] as const;

export function DeviceCreateForm({ onCreated, onCancel }: { onCreated: (created: CreateDeviceResponse) => void; onCancel: () => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // A village node acts for one agent (村代办点): the admin picks the agent when creating it.
  const [agentId, setAgentId] = useState('');
  const [agents, setAgents] = useState<Array<{ id: number; displayName: string; villages: string }>>([]);
  useEffect(() => {
    if (kind !== 'village') return;
    let live = true;
    villagesApi(api)
      .list()
      .then((list) => {
        const names = new Map(list.rows.map((v) => [v.code, v.name]));
        if (live) setAgents(list.agents.filter((a) => a.active).map((a) => ({ id: a.id, displayName: a.displayName, villages: a.villageCodes.map((c) => names.get(c) ?? c).join('、') })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, kind]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = kind === 'village' ? { name, kind, ...(agentId ? { agentId: Number(agentId) } : {}) } : { name, kind };
    const parsed = CreateDeviceRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    setBusy(true);
    try {
      onCreated(await api.createDevice(parsed.data));
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="device-create-title" data-testid="device-create-form">
      <h2 id="device-create-title">{t('devices.create')}</h2>
      <FormMessages messages={errors.general} />
      <div className="form-grid">
        <TextField label={t('fields.name')} value={name} onValue={setName} error={errors.fields.name} hint={t('devices.nameHint')} autoComplete="off" />
        <SelectField
          label={t('fields.kind')}
          value={kind}
          onValue={(v) => setKind(v as DeviceKind)}
          options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`deviceKinds.${k}`) }))}
          error={errors.fields.kind}
        />
        {kind === 'village' ? (
          <SelectField
            label={t('devices.agent')}
            value={agentId}
            onValue={setAgentId}
            options={[{ value: '', label: t('devices.pickAgent') }, ...agents.map((a) => ({ value: String(a.id), label: a.villages ? `${a.displayName}（${a.villages}）` : a.displayName }))]}
            error={errors.fields.agentId}
          />
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('devices.createSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
