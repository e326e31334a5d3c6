// 设备管理: paired terminals, new devices with their one-time pairing code, revoke and re-issue.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import type { CreateDeviceResponse, DeviceView } from '../../shared/contract';
import { errorMessage } from '../../shared/api-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { formatDateTime } from '../../shared/format';
import { useStaff } from '../staff-context';
import { DeviceCreateForm } from './device-create-form';
import { deviceState } from './device-state';
import { DeviceTokenPanel } from './device-token-panel';
import { HallGrid } from './hall-grid';
import { useRows } from './use-rows';

type PendingAction = { kind: 'revoke' | 'reissue'; device: DeviceView };

export default function DevicesScreen() {
  const { t, language } = useT();
  const { api } = useStaff();
  const load = useCallback(() => api.listDevices(), [api]);
  const { rows, error, reload } = useRows(load);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<CreateDeviceResponse | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const columns = useMemo<ColDef<DeviceView>[]>(() => {
    const when = (value: unknown) => formatDateTime(value as string | null, language);
    return [
      { field: 'name', headerName: t('fields.name'), minWidth: 120 },
      { field: 'kind', headerName: t('fields.kind'), minWidth: 120, valueFormatter: (p) => (p.value ? t(`deviceKinds.${String(p.value)}`) : '') },
      { field: 'createdAt', minWidth: 165, headerName: t('devices.createdAt'), valueFormatter: (p) => when(p.value) },
      { field: 'lastSeenAt', minWidth: 165, headerName: t('devices.lastSeenAt'), valueFormatter: (p) => when(p.value) || t('devices.neverSeen') },
      { field: 'tokenExpiresAt', minWidth: 165, headerName: t('devices.expiresAt'), valueFormatter: (p) => when(p.value) },
      {
        colId: 'state',
        headerName: t('devices.state'),
        minWidth: 80,
        valueGetter: (p) => (p.data ? deviceState(p.data, new Date()) : ''),
        valueFormatter: (p) => (p.value ? t(`deviceStates.${String(p.value)}`) : ''),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        minWidth: 250,
        cellRenderer: (p: ICellRendererParams<DeviceView>) => {
          const device = p.data;
          if (!device) return null;
          return (
            <span className="grid-actions">
              <button type="button" className="secondary grid-button" aria-label={t('devices.reissueOne', { name: device.name })} onClick={() => setPending({ kind: 'reissue', device })}>
                {t('devices.reissue')}
              </button>
              <button type="button" className="danger grid-button" aria-label={t('devices.revokeOne', { name: device.name })} disabled={device.revoked} onClick={() => setPending({ kind: 'revoke', device })}>
                {t('devices.revoke')}
              </button>
            </span>
          );
        },
      },
    ];
  }, [t, language]);

  const runPending = async () => {
    if (!pending) return;
    setBusy(true);
    setActionError(null);
    try {
      if (pending.kind === 'revoke') {
        await api.revokeDevice(pending.device.id);
      } else {
        setIssued(await api.reissueDeviceToken(pending.device.id));
      }
      setPending(null);
      reload();
    } catch (failure) {
      setPending(null);
      setActionError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <div className="screen-title">
        <h1>{t('nav.devices')}</h1>
        <button type="button" onClick={() => { setIssued(null); setCreating(true); }} disabled={creating}>
          {t('devices.create')}
        </button>
      </div>
      {issued ? <DeviceTokenPanel issued={issued} onClose={() => setIssued(null)} /> : null}
      {creating ? (
        <DeviceCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setIssued(created);
            reload();
          }}
        />
      ) : null}
      {actionError ? <div className="error-box" role="alert"><p>{actionError}</p></div> : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <HallGrid rows={rows} columns={columns} testId="devices-grid" label={t('nav.devices')} />
      {pending ? (
        <ConfirmDialog
          title={pending.kind === 'revoke' ? t('devices.revokeConfirmTitle', { name: pending.device.name }) : t('devices.reissueConfirmTitle', { name: pending.device.name })}
          confirmLabel={pending.kind === 'revoke' ? t('devices.revoke') : t('devices.reissue')}
          danger
          busy={busy}
          onConfirm={() => void runPending()}
          onCancel={() => setPending(null)}
        >
          <p>{pending.kind === 'revoke' ? t('devices.revokeConfirmText') : t('devices.reissueConfirmText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
