// The clerk's working screen at one window: 叫号 (F1), the current ticket and its next steps, the
// waiting per category, and today's tickets. Host refusals (409) are shown in a banner, plainly.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import type { TransferTicketRequest } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { intakeApi } from '../intake/intake-api';
import { currentTicket, SHORTCUTS, ticketActions, windowControls, type CounterAction } from './counter-model';
import { CurrentTicketCard } from './current-ticket-card';
import { handledCodes } from './handled-items';
import { HandledItemsPanel } from './handled-items-panel';
import { useHandledItems } from './use-handled-items';
import { TodayList } from './today-list';
import { TransferDialog } from './transfer-dialog';
import { useCounterDesk } from './use-counter-desk';

type WindowMove = 'pause' | 'resume' | 'sign-out';

export function CounterDesk({ windowId, onLeft }: { windowId: number; onLeft: () => void }) {
  const { t } = useT();
  const { session, api } = useStaff();
  const cases = useMemo(() => intakeApi(api), [api]);
  const desk = useCounterDesk(windowId);
  const { queue, window: counterWindow } = desk;
  const current = currentTicket(desk.tickets);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'transfer' | 'cancel' | 'no-show' | null>(null);
  const [priorityConfirmed, setPriorityConfirmed] = useState(false);
  const handled = useHandledItems(cases, current);
  const currentId = current?.id ?? null;
  const currentConfirmed = current?.priorityConfirmed ?? false;
  useEffect(() => {
    setPriorityConfirmed(currentConfirmed);
  }, [currentId, currentConfirmed]);

  const run = useCallback(
    async (key: string, work: () => Promise<void>) => {
      setBusy(key);
      setError(null);
      setNotice(null);
      try {
        await work();
      } catch (failure) {
        setError(errorMessage(t, failure));
        // What the host refused may mean our picture is old: fetch it again.
        desk.refreshTickets();
      } finally {
        setBusy(null);
      }
    },
    [t, desk],
  );

  const callNext = () =>
    run('call-next', async () => {
      const { ticket } = await queue.callNext(windowId);
      if (ticket) desk.putTicket(ticket);
      else setNotice(t('counter.nobodyWaiting'));
    });

  const act = (action: CounterAction) => {
    if (!current) return;
    // 过号 sends the citizen away: the clerk confirms it, as for cancel and transfer.
    if (action === 'transfer' || action === 'cancel' || action === 'no-show') {
      setDialog(action);
      return;
    }
    void run(action, async () => {
      const body =
        action === 'start' ? (current.priority ? { priorityConfirmed } : {}) : action === 'complete' ? { itemCodes: handledCodes(handled.items) } : undefined;
      const updated = await queue.ticketAction(current.id, action, body);
      desk.putTicket(updated);
      if (action === 'recall') setNotice(t('counter.recalled', { number: updated.number, count: updated.callCount }));
      if (action === 'complete') setNotice(t('counter.completed', { number: updated.number }));
    });
  };

  const markNoShow = () => {
    if (!current) return;
    void run('no-show', async () => {
      const updated = await queue.ticketAction(current.id, 'no-show');
      desk.putTicket(updated);
      setNotice(t('counter.noShowDone', { number: updated.number }));
    }).then(() => setDialog(null));
  };

  const transfer = (body: TransferTicketRequest) => {
    if (!current) return;
    void run('transfer', async () => {
      const { from } = await queue.transfer(current.id, body);
      desk.putTicket(from);
      const target =
        'categoryCode' in body
          ? (desk.categories.find((c) => c.code === body.categoryCode)?.name ?? body.categoryCode)
          : t('counter.windowNumber', { number: desk.windows.find((w) => w.id === body.windowId)?.number ?? '' });
      setNotice(t('counter.transferred', { number: from.number, target }));
    }).then(() => setDialog(null));
  };

  const cancelTicket = () => {
    if (!current) return;
    void run('cancel', async () => {
      const updated = await queue.ticketAction(current.id, 'cancel', {});
      desk.putTicket(updated);
      setNotice(t('counter.cancelled', { number: updated.number }));
    }).then(() => setDialog(null));
  };

  const moveWindow = (move: WindowMove) =>
    run(move, async () => {
      const updated = await queue.windowAction(windowId, move);
      desk.setWindow(updated);
      if (move === 'sign-out') onLeft();
    });

  const status = counterWindow?.status ?? 'closed';
  const controls = windowControls(status, current?.status ?? null);
  const actions = ticketActions(current?.status ?? null);

  // F1–F4 as on the old calling boxes; the latest state is read through a ref so the listener stays put.
  const keyState = useRef({ controls, actions, busy, dialog, callNext, act });
  keyState.current = { controls, actions, busy, dialog, callNext, act };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = SHORTCUTS[event.key];
      if (!command || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const state = keyState.current;
      if (state.busy !== null || state.dialog !== null) return;
      if (command === 'call-next') {
        if (state.controls.callNext) void state.callNext();
      } else if (state.actions.includes(command)) state.act(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!counterWindow) {
    return desk.loadError ? (
      <div className="error-box" role="alert"><p>{errorMessage(t, desk.loadError)}</p></div>
    ) : (
      <p role="status">{t('common.loading')}</p>
    );
  }
  const notMine = counterWindow.clerk?.id !== session.user.id;
  const myCategories = counterWindow.categoryCodes.map((code) => ({
    code,
    name: desk.categories.find((c) => c.code === code)?.name ?? code,
    waiting: desk.waiting[code] ?? 0,
  }));
  const totalWaiting = myCategories.reduce((sum, line) => sum + line.waiting, 0);
  const callHint = notMine
    ? null
    : status === 'paused'
      ? t('counter.hintPaused')
      : current
        ? t('counter.hintBusy', { number: current.number })
        : totalWaiting === 0
          ? t('counter.hintNobody')
          : null;

  return (
    <section className="counter-desk" data-testid="counter-desk" data-window-status={status}>
      <div className="counter-top">
        <h1>{t('counter.windowLabel', { number: counterWindow.number, name: counterWindow.name })}</h1>
        <span className={`window-state state-${status}`} data-testid="counter-window-status">{t(`counter.windowStatus.${status}`)}</span>
        <div className="counter-top-actions">
          <button
            type="button"
            className="secondary"
            data-testid="counter-pause"
            aria-pressed={status === 'paused'}
            disabled={busy !== null || notMine || !(controls.pause || controls.resume)}
            onClick={() => void moveWindow(controls.resume ? 'resume' : 'pause')}
          >
            {controls.resume ? t('counter.resume') : t('counter.pause')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="counter-sign-out"
            disabled={busy !== null || notMine || !controls.signOut}
            title={controls.signOut ? undefined : t('counter.finishFirst')}
            onClick={() => void moveWindow('sign-out')}
          >
            {t('counter.signOut')}
          </button>
        </div>
      </div>

      {desk.connection === 'closed' ? <div className="notice-box counter-offline" role="status">{t('counter.offline')}</div> : null}
      {notMine ? (
        <div className="error-box" role="alert">
          <p>{t('counter.notYours', { name: counterWindow.clerk?.displayName ?? t('counter.nobody') })}</p>
          <button type="button" className="secondary" onClick={onLeft}>{t('counter.chooseAgain')}</button>
        </div>
      ) : null}
      {error ? (
        <div className="error-box counter-error" role="alert" data-testid="counter-error">
          <p>{error}</p>
          <button type="button" className="link" onClick={() => setError(null)}>{t('counter.dismiss')}</button>
        </div>
      ) : null}
      {notice ? <div className="notice-box" role="status" data-testid="counter-notice">{notice}</div> : null}

      <div className="counter-grid">
        <div className="counter-main">
          <button
            type="button"
            className={current ? 'counter-call-next holding' : 'counter-call-next'}
            data-testid="counter-call-next"
            disabled={busy !== null || notMine || !controls.callNext}
            onClick={() => void callNext()}
          >
            <span>{busy === 'call-next' ? t('counter.calling') : t('counter.callNext')}</span>
            <kbd>F1</kbd>
          </button>
          {callHint ? <p className="counter-call-hint">{callHint}</p> : null}
          <CurrentTicketCard
            ticket={current}
            actions={notMine ? [] : actions}
            busy={busy}
            clockOffset={desk.clockOffset}
            priorityConfirmed={priorityConfirmed}
            onPriorityConfirmed={setPriorityConfirmed}
            handled={
              <HandledItemsPanel
                cases={cases}
                items={handled.items}
                disabled={busy !== null}
                onAdd={handled.add}
                onRemove={handled.remove}
              />
            }
            onAction={act}
            idleText={controls.callNext ? t('counter.noCurrent') : t('counter.noCurrentPaused')}
          />
        </div>
        <aside className="counter-side">
          <div className="panel counter-waiting" data-testid="counter-waiting">
            <h2>{t('counter.waitingTitle', { count: totalWaiting })}</h2>
            <ul>
              {myCategories.map((line) => (
                <li key={line.code} data-code={line.code}>
                  <span>{line.name}</span>
                  <strong>{t('counter.people', { count: line.waiting })}</strong>
                </li>
              ))}
            </ul>
          </div>
          <TodayList tickets={desk.tickets} />
        </aside>
      </div>

      {dialog === 'transfer' && current ? (
        <TransferDialog
          ticket={current}
          categories={desk.categories}
          windows={desk.windows}
          fromWindowId={windowId}
          busy={busy !== null}
          onTransfer={transfer}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'no-show' && current ? (
        <ConfirmDialog
          title={t('counter.noShowTitle', { number: current.number })}
          confirmLabel={t('counter.actions.no-show')}
          danger
          busy={busy !== null}
          onConfirm={markNoShow}
          onCancel={() => setDialog(null)}
        >
          <p>{t('counter.noShowText', { calls: current.callCount })}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'cancel' && current ? (
        <ConfirmDialog
          title={t('counter.cancelTitle', { number: current.number })}
          confirmLabel={t('counter.actions.cancel')}
          danger
          busy={busy !== null}
          onConfirm={cancelTicket}
          onCancel={() => setDialog(null)}
        >
          <p>{t('counter.cancelText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
