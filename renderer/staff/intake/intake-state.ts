// The case on the intake screen once it exists: enough to decide at the window and print notices.
import type { CaseDetail, CaseStatus, CreatedCase, MissingMaterial } from '../../../electron/contract/cases.js';
import { firstNoticeNames } from './intake-model';

export interface ReceivedCase {
  id: number;
  caseNo: string;
  status: CaseStatus;
  missing: MissingMaterial[];
  /** The query password, only in memory and only for the intake that created the case. */
  password: string | null;
  /** The materials of the first 补正告知书 (null before one): a later round may only repeat them. */
  firstNotice: string[] | null;
}

export function receivedFromCreated(created: CreatedCase): ReceivedCase {
  return { id: created.id, caseNo: created.caseNo, status: created.status, missing: created.missingMaterials, password: created.queryPassword, firstNotice: null };
}

/** After an action: the host's state and missing list; the password stays only while still on screen. */
export function receivedAfter(
  previous: ReceivedCase | null,
  detail: Pick<CaseDetail, 'id' | 'caseNo' | 'status' | 'missingMaterials'> & { events?: CaseDetail['events'] },
): ReceivedCase {
  return {
    id: detail.id,
    caseNo: detail.caseNo,
    status: detail.status,
    missing: detail.missingMaterials,
    password: previous?.id === detail.id ? previous.password : null,
    firstNotice: firstNoticeNames(detail.events ?? []),
  };
}
