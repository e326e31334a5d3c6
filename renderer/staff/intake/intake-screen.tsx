// 前台受理: the window clerk receives a case — item, applicant, materials — tells the applicant the case
// number and query password, then accepts, asks once for every missing material, or rejects, and prints
// the notice. Started from the ticket being served (#/intake?ticket=12), for a walk-in, or from a
// village agent's 代办件 (#/intake?agentRequest=12, filled from the request).
import './intake.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CorrectionEntry } from '../../../electron/contract/cases.js';
import { ApiError, errorMessage } from '../../shared/api-error';
import type { Item, ItemSummary } from '../../shared/catalog-contract';
import { describeIssue } from '../../shared/contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { useHash } from '../use-hash-route';
import { ApplicantFormFields } from './applicant-form';
import { CasePanel, type Decision } from './case-panel';
import { intakeApi, type NoticeKind } from './intake-api';
import { agentRequestFromHash, applicantErrors, EMPTY_APPLICANT, entriesFor, entriesFromDetail, formFieldOfIssue, providedMaterials, ticketFromHash, toCreateCaseRequest, type ApplicantForm, type MaterialEntry } from './intake-model';
import { receivedAfter, receivedFromCreated, type ReceivedCase } from './intake-state';
import { ItemPicker } from './item-picker';
import { MaterialChecklist } from './material-checklist';
import { ReturningSearch } from './returning-search';
import { useAgentIntake } from './use-agent-intake';
import { useIntakeTicket } from './use-intake-ticket';
import { useNoticePrint } from './use-notice-print';

type Mode = 'new' | 'returning';

interface Problem {
  banner: string[];
  fields: Record<string, string>;
}

export default function IntakeScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const cases = useMemo(() => intakeApi(api), [api]);
  const hash = useHash();
  const linked = useIntakeTicket(cases, ticketFromHash(hash));
  const ticket = linked.state === 'ticket' ? linked.ticket : null;
  const ticketId = ticket?.id ?? null;
  const ticketCategory = ticket?.categoryCode ? { code: ticket.categoryCode, name: ticket.categoryName ?? ticket.categoryCode } : null;
  const [mode, setMode] = useState<Mode>('new');
  const [item, setItem] = useState<{ code: string; name: string } | null>(null);
  const [applicant, setApplicant] = useState<ApplicantForm>(EMPTY_APPLICANT);
  const [entries, setEntries] = useState<MaterialEntry[]>([]);
  const [received, setReceived] = useState<ReceivedCase | null>(null);
  const [returningApplicant, setReturningApplicant] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<Problem>({ banner: [], fields: {} });
  const { notice, print, forget } = useNoticePrint(cases, t);
  const fromAgent = useAgentIntake(cases, agentRequestFromHash(hash), (failure) => setProblem({ banner: [errorMessage(t, failure)], fields: {} }));
  useEffect(() => {
    if (!fromAgent) return;
    setMode('new');
    setItem({ code: fromAgent.item.code, name: fromAgent.item.name });
    setApplicant(fromAgent.applicant);
    setEntries(fromAgent.entries);
  }, [fromAgent]);

  const reset = useCallback(
    (next: Mode) => {
      setMode(next);
      setItem(null);
      setApplicant(EMPTY_APPLICANT);
      setEntries([]);
      setReceived(null);
      setReturningApplicant(null);
      setDecision(null);
      setTried(false);
      setProblem({ banner: [], fields: {} });
      forget();
      // The next intake is not the 代办件's: leave its address, so its form is not filled again.
      if (agentRequestFromHash(window.location.hash) !== null) window.location.hash = '#/intake';
    },
    [forget],
  );

  /** Runs one call to the host; a refusal goes to the banner, field issues under their fields. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem({ banner: [], fields: {} });
    try {
      await work();
    } catch (failure) {
      const fields: Record<string, string> = {};
      const banner = [errorMessage(t, failure)];
      if (failure instanceof ApiError) {
        for (const issue of failure.fieldIssues) {
          const text = describeIssue(t, issue);
          fields[formFieldOfIssue(issue.field)] = text;
          if (!banner.includes(text)) banner.push(text);
        }
      }
      setProblem({ banner, fields });
    } finally {
      setBusy(false);
    }
  };

  const pickItem = (summary: ItemSummary) =>
    void run(async () => {
      const full: Item = await cases.item(summary.code);
      setItem({ code: full.code, name: full.name });
      setEntries(entriesFor(full.materials));
    });

  const printNotice = (r: ReceivedCase, kind: NoticeKind) => void print({ caseId: r.id, kind, password: kind === 'rejection' ? null : r.password });

  const submit = () => {
    setTried(true);
    if (!item) return setProblem({ banner: [t('intake.chooseItemFirst')], fields: {} });
    const errors = applicantErrors(t, applicant);
    if (Object.keys(errors).length) return setProblem({ banner: [t('intake.fixFields')], fields: {} });
    void run(async () => {
      // A 代办件 is the agent's, not the ticket being served at this window.
      const request = fromAgent ? toCreateCaseRequest(item.code, applicant, entries, null, fromAgent.agentRequestId) : toCreateCaseRequest(item.code, applicant, entries, ticketId);
      const created = await cases.create(request);
      setReceived(receivedFromCreated(created));
    });
  };

  const act = (body: Parameters<typeof cases.act>[1], kind: NoticeKind | null) => {
    if (!received) return;
    void run(async () => {
      const detail = await cases.act(received.id, body);
      const next = receivedAfter(received, detail);
      setReceived(next);
      setEntries(entriesFromDetail(detail));
      setDecision(null);
      if (kind) printNotice(next, kind);
    });
  };

  const findReturning = (caseNo: string) =>
    void run(async () => {
      const hit = await cases.findAwaitingCorrection(caseNo);
      if (!hit) throw new ApiError(404, 'not_found', t('intake.returningNotFound', { caseNo }));
      const detail = await cases.detail(hit.id);
      setItem({ code: detail.itemCode, name: detail.itemName });
      setEntries(entriesFromDetail(detail));
      setReturningApplicant(detail.applicantName);
      setReceived(receivedAfter(null, detail));
    });

  const formOpen = received === null;
  const resubmitting = received?.status === 'correction';
  const missingNames = new Set((received?.missing ?? []).map((m) => m.name));

  return (
    <section className="intake-screen" data-testid="intake-screen" data-ticket-id={ticketId ?? undefined}>
      <div className="screen-title">
        <h1>{t('intake.title')}</h1>
        <span className="intake-source">
          {fromAgent
            ? t('intake.fromAgentRequest', { village: fromAgent.villageName, agent: fromAgent.agentName })
            : linked.state === 'loading'
              ? t('common.loading')
              : ticket
                ? t('intake.fromTicket', { number: ticket.number })
                : t('intake.walkIn')}
          {ticket ? <a href="#/counter" className="intake-back-counter">{t('intake.backToCounter')}</a> : null}
        </span>
        <div className="intake-modes" role="tablist">
          {(['new', 'returning'] as const).map((m) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? '' : 'secondary'} data-testid={`intake-mode-${m}`} onClick={() => reset(m)}>
              {t(`intake.mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {problem.banner.length ? (
        <div className="error-box intake-banner" role="alert" data-testid="intake-error">
          {problem.banner.map((line) => <p key={line}>{line}</p>)}
        </div>
      ) : null}

      {mode === 'returning' && !received ? <ReturningSearch busy={busy} onFind={findReturning} /> : null}

      {mode === 'new' && !item && linked.state !== 'loading' ? (
        <div className="panel"><ItemPicker key={ticketCategory?.code ?? ''} cases={cases} category={ticketCategory} onPick={pickItem} /></div>
      ) : null}

      {item ? (
        <div className="intake-grid">
          <div className="intake-form-column">
            <div className="panel intake-item-chosen">
              <span className="intake-label">{t('intake.item')}</span>
              <strong data-testid="intake-item-name">{item.name}</strong>
              <span className="muted">{item.code}</span>
              {formOpen && !fromAgent ? (
                <button type="button" className="link" onClick={() => { setItem(null); setEntries([]); }}>{t('intake.changeItem')}</button>
              ) : null}
            </div>
            {returningApplicant !== null ? (
              <p className="panel">{t('intake.applicant')}：{returningApplicant}</p>
            ) : (
              <div className="panel">
                <ApplicantFormFields value={applicant} onChange={setApplicant} hostErrors={problem.fields} showAll={tried} disabled={!formOpen || busy} />
              </div>
            )}
            <div className="panel">
              <h2 className="intake-section-title">{t('intake.materials')}</h2>
              {problem.fields.materials ? <p className="field-error" role="alert">{problem.fields.materials}</p> : null}
              <MaterialChecklist entries={entries} onChange={setEntries} editable={formOpen || resubmitting} missing={missingNames} caseId={received?.id ?? null} cases={cases} />
              {formOpen ? (
                <div className="form-actions">
                  <button type="button" className="intake-submit" data-testid="intake-submit" disabled={busy} onClick={submit}>
                    {t('intake.submit')}
                  </button>
                  <span className="muted">{t('intake.submitHint')}</span>
                </div>
              ) : null}
              {resubmitting ? (
                <div className="form-actions">
                  <button type="button" className="intake-submit" data-testid="intake-resubmit" disabled={busy} onClick={() => act({ action: 'resubmit', materials: providedMaterials(entries) }, null)}>
                    {t('intake.resubmit')}
                  </button>
                  <span className="muted">{t('intake.resubmitHint')}</span>
                </div>
              ) : null}
            </div>
          </div>
          {received ? (
            <CasePanel
              received={received}
              materialNames={entries.map((e) => e.material.name)}
              decision={decision}
              onDecision={setDecision}
              busy={busy}
              notice={notice}
              onAccept={() => act({ action: 'accept' }, 'acceptance')}
              onCorrection={(corrections: CorrectionEntry[], note: string) => act({ action: 'request-correction', corrections, ...(note ? { note } : {}) }, 'correction')}
              onReject={(reasons: string[]) => act({ action: 'reject', reasons }, 'rejection')}
              onReprint={() => notice && void print(notice.job)}
              onNext={() => reset('new')}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
