// 受理此代办件 (#/intake?agentRequest=12): the intake form opens filled from the 代办件 — the villager,
// the item of the authorisation and the materials as the clerk counted the hand-over, with the lines an
// agent's application always needs ticked — for the clerk
// to check and submit. Where it came from is shown above the form.
import { useEffect, useState } from 'react';
import type { Item } from '../../shared/catalog-contract';
import { agentRequestsApi } from '../agent-requests/agent-requests-api';
import { useStaff } from '../staff-context';
import type { IntakeApi } from './intake-api';
import { agentConditionsApply, applicantFormOf, entriesFor, entriesWithProvided, type ApplicantForm, type MaterialEntry } from './intake-model';

export interface AgentIntake {
  agentRequestId: number;
  villageName: string;
  agentName: string;
  item: Item;
  applicant: ApplicantForm;
  entries: MaterialEntry[];
}

export function useAgentIntake(cases: IntakeApi, agentRequestId: number | null, onFailure: (error: unknown) => void): AgentIntake | null {
  const { api } = useStaff();
  const [found, setFound] = useState<AgentIntake | null>(null);
  useEffect(() => {
    setFound(null);
    if (agentRequestId === null) return undefined;
    let live = true;
    const calls = agentRequestsApi(api);
    (async () => {
      const [form, detail] = await Promise.all([calls.intakeForm(agentRequestId), calls.get(agentRequestId)]);
      const item = await cases.item(form.itemCode);
      if (!live) return;
      setFound({
        agentRequestId,
        villageName: detail.villageName,
        agentName: detail.agentName,
        item,
        applicant: applicantFormOf(form.applicant),
        entries: agentConditionsApply(entriesWithProvided(entriesFor(item.materials), form.materials)),
      });
    })().catch((error: unknown) => live && onFailure(error));
    return () => {
      live = false;
    };
  }, [api, cases, agentRequestId]);
  return found;
}
