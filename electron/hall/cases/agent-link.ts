// The case module's side of agent cases (DESIGN §2a): the village link hands the case module these
// callbacks at start, and the case module calls them inside its own transactions. The case module
// never imports the village code; a database without a link installed simply has no agent cases
// taken from requests.
import type { Db } from '../../../db/connection.js';
import type { CaseStatus } from '../../contract/cases.js';
import type { Actor } from '../http/principal.js';
import type { CaseRow } from './case-store.js';

/** Who an agent case is for: the agent (the case's 代理人) and the village, as the county gets them. */
export interface AgentOfCase {
  agentUserId: number;
  agentName: string;
  villageCode: string;
  villageName: string;
}

export interface CaseTransitionFacts {
  action: string;
  before: CaseStatus;
  after: CaseStatus;
  note: string | null;
  extra: Record<string, unknown>;
  at: Date;
  actor: Actor;
}

export interface AgentCaseLink {
  /** Intake of an agent request (inside the intake transaction): binds the request to the new case
   *  and answers who the case is for; throws a HallError when the request cannot be taken in. */
  takeRequest(db: Db, agentRequestId: number, caseId: number, at: Date): AgentOfCase;
  /** After every transition of an agent case, in the transition's own transaction. */
  afterTransition(db: Db, row: CaseRow, facts: CaseTransitionFacts): void;
  /** At the end of the intake of a request (check-list written, the case record queued): what came
   *  with the request that the case keeps too (its scans). Answers the case row as it then stands. */
  afterIntake(db: Db, row: CaseRow, actor: Actor, at: Date): CaseRow;
}

const links = new WeakMap<Db, AgentCaseLink>();

export function installAgentCaseLink(db: Db, link: AgentCaseLink): void {
  links.set(db, link);
}

export function agentCaseLink(db: Db): AgentCaseLink | undefined {
  return links.get(db);
}
