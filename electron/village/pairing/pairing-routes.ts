// Pairing the node with a hall (DESIGN §9): the agent enters the hall's address and the one-time code
// the admin gave; the node tries it against GET /village/profile (the code is the device token) and
// keeps the hall, the token, its node id, the agent and the agent's villages.
import { PairingRequest, PairingState } from '../../contract/village.js';
import { appendAudit } from '../../hall/audit/chain.js';
import { conflict, HallError, validationError } from '../../hall/http/errors.js';
import { HALL_TIMEOUT_MS, httpHallTransport } from '../link/hall-transport.js';
import { linkState, readPairing, storePairing } from '../link/node-state.js';
import type { VillageNode } from '../node-context.js';

function pairingState(node: VillageNode): PairingState {
  const pairing = readPairing(node.db);
  const { revoked_at } = linkState(node.db);
  return {
    paired: pairing !== null,
    hallUrl: pairing?.hallUrl ?? null,
    hall: pairing?.hall ?? null,
    agent: pairing?.agent ?? null,
    villages: pairing?.villages ?? [],
    pairedAt: pairing?.pairedAt ?? null,
    revokedAt: pairing ? null : revoked_at,
  };
}

/** The hall's address as typed, checked: http(s), no credentials, no query; kept without a trailing slash. */
function hallBase(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationError([{ field: 'hallUrl', code: 'invalid_format', params: {} }]);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw validationError([{ field: 'hallUrl', code: 'invalid_format', params: {} }]);
  }
  return url.toString().replace(/\/+$/, '');
}

export function registerPairingRoutes(node: VillageNode): void {
  const { db, clock } = node;
  node.route({
    method: 'GET',
    url: '/pairing',
    tag: 'pairing',
    summary: 'Whom this node is paired with',
    allow: 'public',
    response: PairingState,
    handler: () => pairingState(node),
  });
  node.route({
    method: 'POST',
    url: '/pairing',
    tag: 'pairing',
    summary: 'Pairs this node with a hall: its address and the one-time code from the admin',
    allow: 'public',
    body: PairingRequest,
    response: PairingState,
    handler: async ({ body, actor }) => {
      if (readPairing(db)) throw conflict('village_already_paired');
      const base = hallBase(body.hallUrl);
      const transport = httpHallTransport({ url: base, token: body.code, nodeId: '' }, HALL_TIMEOUT_MS);
      const answer = await transport.fetchProfile(AbortSignal.timeout(HALL_TIMEOUT_MS + 1000));
      if (answer.kind === 'unauthorized') throw new HallError('domain_rule', 'village_pairing_refused');
      if (answer.kind === 'failed') throw new HallError('unavailable', 'village_hall_unreachable');
      const profile = answer.value;
      db.transaction(() => {
        if (readPairing(db)) throw conflict('village_already_paired');
        const now = clock.now();
        storePairing(db, base, body.code, profile, now);
        appendAudit(db, actor, now, {
          action: 'node-paired',
          entity: 'node',
          entityId: profile.nodeId,
          detail: { hallUrl: base, agentId: profile.agent.id, villages: profile.villages.map((v) => v.code) },
        });
      }).immediate();
      node.link.trigger();
      return pairingState(node);
    },
  });
}
