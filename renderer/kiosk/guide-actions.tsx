// Under an item's guide: taking a ticket for it and printing its checklist. At the kiosk the ticket
// is issued in the item's category by the kiosk's own flow and the checklist comes out of the slip
// printer; on a phone (no kiosk token) the page says which category to choose at the hall's kiosk
// and how many wait in it now, and prints on A4 through the browser.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../shared/api-client';
import type { Item } from '../shared/catalog-contract';
import { ItemQueue } from '../shared/queue-contract';
import { useT } from '../shared/use-t';

/** What only a kiosk can do; absent on the public guide page. */
export interface KioskGuideActions {
  canTake: boolean;
  problem: string | null;
  onTake: (categoryCode: string) => void;
  /** Prints the checklist on the slip printer; resolves whether it went out. */
  printChecklist: (item: Item) => Promise<boolean>;
}

type PrintState = 'idle' | 'printing' | 'printed' | 'failed';

function useItemQueue(api: ApiClient, code: string): ItemQueue | null {
  const [queue, setQueue] = useState<ItemQueue | null>(null);
  useEffect(() => {
    let live = true;
    api.request('GET', `/items/${encodeURIComponent(code)}/queue`, { schema: ItemQueue }).then(
      (answer) => live && setQueue(answer),
      // No queue information is no reason to hide the guide: the panel just stays away.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, code]);
  return queue;
}

function ClosedLine({ queue }: { queue: ItemQueue }) {
  const { t } = useT();
  const next = queue.nextOpen;
  return (
    <p className="guide-ticket-line" data-testid="guide-ticket-closed">
      {t('guide.closedNow')}
      {next ? ` ${t('kiosk.nextOpen', { month: Number(next.date.slice(5, 7)), day: Number(next.date.slice(8, 10)), date: next.date, time: next.time })}` : ''}
    </p>
  );
}

export function GuideActions({ api, item, kiosk }: { api: ApiClient; item: Item; kiosk?: KioskGuideActions | undefined }) {
  const { t } = useT();
  const queue = useItemQueue(api, item.code);
  const [print, setPrint] = useState<PrintState>('idle');

  const printNow = () => {
    if (!kiosk) {
      window.print();
      return;
    }
    setPrint('printing');
    void kiosk.printChecklist(item).then((ok) => setPrint(ok ? 'printed' : 'failed'));
  };

  const categories = queue?.categories ?? [];
  return (
    <section className="guide-part guide-actions" aria-labelledby="guide-actions-title" data-testid="guide-actions">
      <h3 id="guide-actions-title">{t('guide.takeTicketTitle')}</h3>
      {queue && !queue.open ? <ClosedLine queue={queue} /> : null}
      {queue && queue.open && !kiosk ? (
        <p className="guide-ticket-line" data-testid="guide-ticket-where">
          {t(queue.matched && categories.length === 1 ? 'guide.phoneWhere' : 'guide.phoneChoose', { name: categories[0]?.name ?? '' })}
        </p>
      ) : null}
      {queue && queue.open && kiosk && !(queue.matched && categories.length === 1) ? <p className="guide-ticket-line">{t('guide.chooseCategory')}</p> : null}
      {kiosk?.problem ? <div className="kiosk-alert" role="alert" data-testid="kiosk-issue-error">{kiosk.problem}</div> : null}
      <div className="guide-ticket-options">
        {queue?.open
          ? categories.map((c) =>
              kiosk ? (
                <button
                  key={c.code}
                  type="button"
                  className="guide-take-ticket"
                  disabled={!kiosk.canTake || c.soldOut}
                  data-testid={`guide-take-ticket-${c.code}`}
                  onClick={() => kiosk.onTake(c.code)}
                >
                  <span className="guide-take-name">{t('guide.takeTicket', { name: c.name })}</span>
                  <span className="guide-take-waiting">{c.soldOut ? t('kiosk.soldOut') : t('kiosk.waiting', { n: c.waiting })}</span>
                </button>
              ) : (
                <span key={c.code} className="guide-queue-fact" data-testid={`guide-queue-${c.code}`}>
                  <b>{c.name}</b> {c.soldOut ? t('kiosk.soldOut') : t('kiosk.waiting', { n: c.waiting })}
                </span>
              ),
            )
          : null}
      </div>
      {item.materials.length > 0 ? (
        <div className="guide-print-row">
          <button type="button" className="secondary guide-print" data-testid="guide-print-checklist" disabled={print === 'printing'} onClick={printNow}>
            {t('guide.printChecklist')}
          </button>
          {print !== 'idle' ? (
            <span className={`guide-print-status ${print}`} role="status" data-testid="guide-print-status" data-status={print}>
              {t(`guide.checklist.${print}`)}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
