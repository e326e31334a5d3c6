// What is still missing from a request's check-list (DOMAIN §4: shown before the agent travels).
// Pure, shared by the node's service and the agent page so both say the same thing.

export interface ChecklistLine {
  name: string;
  required: boolean;
  expectedOriginals: number;
  expectedCopies: number;
}

export interface CollectedLine {
  name: string;
  originals: number;
  copies: number;
  scans: readonly string[];
}

/**
 * Names of required check-list materials not fully collected: fewer originals or copies than the
 * item asks for; a material asked for neither (electronic only) needs at least one scan. Conditional
 * materials are the agent's judgement and never counted missing.
 */
export function missingMaterials(checklist: readonly ChecklistLine[], collected: readonly CollectedLine[]): string[] {
  const byName = new Map(collected.map((c) => [c.name, c]));
  return checklist
    .filter((line) => {
      if (!line.required) return false;
      const got = byName.get(line.name);
      if (!got) return true;
      if (line.expectedOriginals + line.expectedCopies === 0) return got.scans.length === 0;
      return got.originals < line.expectedOriginals || got.copies < line.expectedCopies;
    })
    .map((line) => line.name);
}
