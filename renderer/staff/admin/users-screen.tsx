// 用户管理: every staff account, new accounts, and changes to one account.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import type { UserView } from '../../shared/contract';
import { errorMessage } from '../../shared/api-error';
import { formatDateTime } from '../../shared/format';
import { useStaff } from '../staff-context';
import { HallGrid } from './hall-grid';
import { useRows } from './use-rows';
import { UserCreateForm } from './user-create-form';
import { UserEditForm } from './user-edit-form';

export default function UsersScreen() {
  const { t, language } = useT();
  const { api } = useStaff();
  const load = useCallback(() => api.listUsers(), [api]);
  const { rows, error, reload } = useRows(load);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo<ColDef<UserView>[]>(
    () => [
      { field: 'username', headerName: t('fields.username') },
      { field: 'displayName', headerName: t('fields.displayName') },
      { field: 'role', headerName: t('fields.role'), valueFormatter: (p) => (p.value ? t(`roles.${String(p.value)}`) : '') },
      { field: 'active', headerName: t('fields.active'), cellDataType: false, valueFormatter: (p) => (p.value ? t('common.yes') : t('common.no')) },
      { field: 'createdAt', headerName: t('users.createdAt'), minWidth: 165, valueFormatter: (p) => formatDateTime(p.value as string, language) },
      { field: 'lastLoginAt', headerName: t('users.lastLoginAt'), minWidth: 165, valueFormatter: (p) => formatDateTime(p.value as string | null, language) || t('users.never') },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        cellRenderer: (p: ICellRendererParams<UserView>) =>
          p.data ? (
            <button type="button" className="secondary grid-button" aria-label={t('users.editOne', { username: p.data.username })} onClick={() => { setCreating(false); setNotice(null); setEditing(p.data ?? null); }}>
              {t('common.edit')}
            </button>
          ) : null,
      },
    ],
    [t, language],
  );

  return (
    <section>
      <div className="screen-title">
        <h1>{t('nav.users')}</h1>
        <button type="button" onClick={() => { setEditing(null); setNotice(null); setCreating(true); }} disabled={creating}>
          {t('users.create')}
        </button>
      </div>
      {notice ? <div className="notice-box" role="status">{notice}</div> : null}
      {creating ? (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice(t('users.created', { username: user.username }));
            reload();
          }}
        />
      ) : null}
      {editing ? (
        <UserEditForm
          key={editing.id}
          user={editing}
          onCancel={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            setNotice(t('users.saved', { username: user.username }));
            reload();
          }}
        />
      ) : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <HallGrid rows={rows} columns={columns} testId="users-grid" label={t('nav.users')} />
    </section>
  );
}
