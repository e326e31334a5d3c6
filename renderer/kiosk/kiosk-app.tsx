// The ticket kiosk: the start screen with one big button per category, priority and appointment
// check-in, the ticket once committed. Every inner screen goes back to start on its own.
import { useCallback, useEffect, useState } from 'react';
import { changeLanguage, DEFAULT_LANGUAGE } from '../shared/i18n';
import { useT } from '../shared/use-t';
import type { IssuedTicket } from '../shared/queue-contract';
import type { TerminalContext } from '../terminal/paired-screen';
import { AppointmentScreen } from './appointment-screen';
import { checklistContent, checklistSlipHtml, printChecklist } from './checklist-slip';
import type { KioskGuideActions } from './guide-actions';
import { GuideBrowseScreen } from './guide-browse-screen';
import { GuideItemScreen } from './guide-item-screen';
import { guideCodeFromHash } from './guide-model';
import { useElderlyMode } from './elderly-mode';
import { idleTimeoutFor, INNER_SCREEN_IDLE_MS, LANGUAGE_RESET_MS } from './kiosk-idle';
import { KioskHeader } from './kiosk-header';
import { LookupScreen } from './lookup-screen';
import { canIssue, startView, type KioskPriority } from './kiosk-model';
import { PriorityCategoryScreen, PriorityKindScreen } from './priority-screens';
import { StartScreen } from './start-screen';
import { TicketScreen } from './ticket-screen';
import { useIdleCountdown } from './use-idle-countdown';
import { useKioskQueue } from './use-kiosk-queue';
import { useSlipPrint, useTicketIssue } from './use-ticket-issue';

type Step =
  | { name: 'start' }
  | { name: 'priorityKind' }
  | { name: 'priorityCategory'; kind: KioskPriority }
  | { name: 'appointment' }
  | { name: 'ticket'; ticket: IssuedTicket }
  | { name: 'guide' }
  /** 办件查询: case number and query password → the case's state. */
  | { name: 'lookup' }
  /** `fromSearch`: back goes to the list; an item opened by its address goes back to start. */
  | { name: 'guideItem'; code: string; fromSearch: boolean };

export function KioskApp({ context }: { context: TerminalContext }) {
  const { t, language } = useT();
  const [elderly, toggleElderly] = useElderlyMode();
  const kiosk = useKioskQueue(context);
  const [step, setStep] = useState<Step>({ name: 'start' });
  const { print, start: startPrint, forget: forgetPrint } = useSlipPrint(context.api, kiosk.settings);

  const onIssued = useCallback(
    (ticket: IssuedTicket) => {
      setStep({ name: 'ticket', ticket });
      startPrint(ticket);
    },
    [startPrint],
  );
  const issue = useTicketIssue(kiosk, t, onIssued);
  const { clearProblem } = issue;
  const goTo = useCallback(
    (next: Step) => {
      clearProblem();
      if (next.name !== 'ticket') forgetPrint();
      setStep(next);
    },
    [clearProblem, forgetPrint],
  );
  const goHome = useCallback(() => goTo({ name: 'start' }), [goTo]);

  // The slip's QR code points at /kiosk#guide=<itemCode>: open that item's guide, then clear the address
  // so the next citizen does not land there again.
  useEffect(() => {
    const openFromHash = () => {
      const code = guideCodeFromHash(window.location.hash);
      if (!code) return;
      goTo({ name: 'guideItem', code, fromSearch: false });
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [goTo]);
  useIdleCountdown(idleTimeoutFor(step.name, print?.status === 'failed'), goHome);
  // A failure message left on the start screen is not for the next citizen.
  useIdleCountdown(issue.problem && step.name === 'start' ? INNER_SCREEN_IDLE_MS : null, clearProblem);
  // Chinese first: a visitor's switch to English does not stay for the next citizen.
  useIdleCountdown(language === DEFAULT_LANGUAGE ? null : LANGUAGE_RESET_MS, () => void changeLanguage(DEFAULT_LANGUAGE));

  const conditions = { connection: context.connection, everConnected: kiosk.everConnected, requestUnreachable: kiosk.requestUnreachable, state: kiosk.state };
  const view = startView(conditions);
  const enabled = canIssue(conditions) && !issue.busy;
  const categories = kiosk.state?.categories ?? [];

  let body;
  switch (step.name) {
    case 'start':
      body = (
        <StartScreen
          view={view}
          categories={categories}
          settings={kiosk.settings}
          nextOpen={kiosk.state?.nextOpen ?? null}
          notice={kiosk.state?.notice ?? ''}
          enabled={enabled}
          problem={issue.problem}
          onCategory={(code) => issue.take({ categoryCode: code })}
          onPriority={() => goTo({ name: 'priorityKind' })}
          onAppointment={() => goTo({ name: 'appointment' })}
          onGuide={() => goTo({ name: 'guide' })}
          onLookup={() => goTo({ name: 'lookup' })}
        />
      );
      break;
    case 'priorityKind':
      body = <PriorityKindScreen onKind={(kind) => goTo({ name: 'priorityCategory', kind })} onBack={goHome} />;
      break;
    case 'priorityCategory':
      body = (
        <PriorityCategoryScreen
          kind={step.kind}
          categories={categories}
          enabled={enabled}
          problem={issue.problem}
          onCategory={(code) => issue.take({ categoryCode: code, priority: step.kind })}
          onBack={() => goTo({ name: 'priorityKind' })}
          onHome={goHome}
        />
      );
      break;
    case 'appointment':
      body = <AppointmentScreen enabled={enabled} busy={issue.busy} problem={issue.problem} onSubmit={(code) => issue.take({ appointmentCode: code })} onEdit={clearProblem} onBack={goHome} />;
      break;
    case 'guide':
      body = <GuideBrowseScreen api={context.api} onItem={(code) => goTo({ name: 'guideItem', code, fromSearch: true })} onBack={goHome} />;
      break;
    case 'lookup':
      body = <LookupScreen api={context.api} onBack={goHome} />;
      break;
    case 'guideItem': {
      const guideActions: KioskGuideActions = {
        canTake: enabled,
        problem: issue.problem,
        onTake: (code) => issue.take({ categoryCode: code }),
        printChecklist: (item) => printChecklist(checklistSlipHtml(checklistContent(t, language, context.hallName, item, new Date()), kiosk.settings?.slipWidthMm ?? 80), kiosk.settings),
      };
      body = step.fromSearch ? (
        <GuideItemScreen key={step.code} api={context.api} code={step.code} onBack={() => goTo({ name: 'guide' })} onHome={goHome} kiosk={guideActions} />
      ) : (
        <GuideItemScreen key={step.code} api={context.api} code={step.code} onBack={goHome} kiosk={guideActions} />
      );
      break;
    }
    case 'ticket':
      body = <TicketScreen ticket={step.ticket} printStatus={print?.status ?? 'printing'} onDone={goHome} />;
      break;
  }

  const hostDown = view === 'unreachable';
  return (
    <div className={elderly ? 'kiosk elderly' : 'kiosk'} data-testid="kiosk" data-step={step.name} data-elderly={elderly}>
      <KioskHeader hallName={context.hallName} elderly={elderly} onToggleElderly={toggleElderly} />
      {hostDown && step.name !== 'start' && step.name !== 'ticket' ? (
        <div className="kiosk-alert" role="alert" data-testid="kiosk-unreachable">
          {t('kiosk.unreachable')}
        </div>
      ) : null}
      <div className="kiosk-body">{body}</div>
      {issue.busy ? (
        <div className="kiosk-busy" role="status" data-testid="kiosk-busy">
          {t('kiosk.issuing')}
        </div>
      ) : null}
    </div>
  );
}
