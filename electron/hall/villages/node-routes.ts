// The hall's side of the village link (DESIGN §9), for village nodes only: profile, catalogue mirror,
// record batches, scans in chunks and the changes feed. A revoked node's token is answered 401
// `revoked` by the auth hook.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  MAX_SCAN_CHUNK_BYTES,
  SCAN_RECEIVED_HEADER,
  SCAN_TOTAL_HEADER,
  Sha256Hex,
  VillageBatch,
  VillageBatchReply,
  VillageCatalogQuery,
  VillageCatalogReply,
  VillageChangesReply,
  VillageProfile,
} from '../../contract/village.js';
import type { HallContext } from '../context.js';
import { HallError, notFound } from '../http/errors.js';
import { addRoute } from '../http/route.js';
import { getSetting } from '../settings/service.js';
import { catalogMirror } from './catalog-mirror.js';
import { receiveVillageBatch } from './village-batches.js';
import { changesPage, parseCursor } from './village-changes.js';
import { villageNodeOf } from './village-node.js';
import { parseContentRange, receiveScanChunk, settledScanProgress } from './village-scans.js';
import { agentVillages } from './village-store.js';

const NODE = ['device:village'] as const;
const ShaParam = z.object({ sha256: Sha256Hex });
const ScanProgressView = z.object({ received: z.number().int(), total: z.number().int().nullable(), complete: z.boolean() });

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw bytes of a scan chunk (application/octet-stream), kept aside from the JSON body. */
    scanChunk?: Buffer;
  }
}

export function registerVillageNodeRoutes(hall: HallContext, dataDir: string | null): void {
  const { db, clock } = hall;

  hall.route({
    method: 'GET', url: '/village/profile', tag: 'village', summary: "Who the node is at the hall: its agent and the agent's villages", allow: NODE,
    response: VillageProfile,
    handler: ({ principal }) => {
      const node = villageNodeOf(db, principal);
      const phone = getSetting(db, 'hall.phone');
      return {
        nodeId: String(node.deviceId),
        nodeName: node.deviceName,
        hall: { name: getSetting(db, 'hall.name'), phone: phone || null },
        agent: { id: node.agentUserId, displayName: node.agentName },
        villages: agentVillages(db, node.agentUserId),
      };
    },
  });

  hall.route({
    method: 'GET', url: '/village/catalog', tag: 'village', summary: 'The catalogue mirror: every active item with its check-list when changed after ?since', allow: NODE,
    query: VillageCatalogQuery, response: VillageCatalogReply,
    handler: ({ query, principal }) => {
      villageNodeOf(db, principal);
      return catalogMirror(db, query.since);
    },
  });

  hall.route({
    method: 'POST', url: '/village/batches', tag: 'village', summary: 'Records from a node: each accepted once (duplicate on replay), in per-request order', allow: NODE,
    body: VillageBatch, response: VillageBatchReply, bodyLimit: 8 * 1024 * 1024,
    handler: ({ body, principal, actor, request }) => {
      const node = villageNodeOf(db, principal);
      const results = receiveVillageBatch(db, clock, actor, node, dataDir, body);
      // Duplicates are replies a node never got (lost after commit); the operator sees how often.
      const tally = { accepted: 0, duplicate: 0, rejected: 0 };
      for (const r of results) tally[r.status] += 1;
      request.log.info({ deviceId: node.deviceId, records: body.records.length, ...tally, waiting: body.records.length - results.length }, 'village batch');
      return { results };
    },
  });

  hall.route({
    method: 'GET', url: '/village/changes', tag: 'village', summary: "Changes to the node's own requests after ?after (pages of 200)", allow: NODE,
    query: z.object({ after: z.string().max(40).optional() }), response: VillageChangesReply,
    handler: ({ query, principal }) => changesPage(db, villageNodeOf(db, principal), parseCursor(query.after)),
  });

  hall.route({
    method: 'GET', url: '/village/scans/:sha256', tag: 'village', summary: 'How much of a scan has arrived (HEAD answers the same in headers)', allow: NODE,
    params: ShaParam, response: ScanProgressView,
    handler: ({ params, principal, actor, reply }) => {
      villageNodeOf(db, principal);
      if (!dataDir) throw new HallError('unavailable', 'scans_unavailable');
      const progress = settledScanProgress(db, clock, actor, dataDir, params.sha256);
      if (!progress) throw notFound();
      reply.header(SCAN_RECEIVED_HEADER, String(progress.received));
      if (progress.total !== null) reply.header(SCAN_TOTAL_HEADER, String(progress.total));
      return progress;
    },
  });

  // The chunk's bytes need their own body parser, so this route lives in a child scope of its own.
  hall.app.register(async (child: FastifyInstance) => {
    child.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_SCAN_CHUNK_BYTES }, (request, body, done) => {
      request.scanChunk = body as Buffer;
      done(null, undefined);
    });
    addRoute(child, hall.routes, {
      method: 'PUT', url: '/village/scans/:sha256', tag: 'village',
      summary: 'One chunk of a scan (Content-Range: bytes a-b/total, ≤ 1 MB); 409 with the received offset when it does not start there; 422 when the SHA-256 does not match',
      allow: NODE, params: ShaParam, response: ScanProgressView, bodyLimit: MAX_SCAN_CHUNK_BYTES,
      handler: async ({ params, principal, actor, request, reply }) => {
        const node = villageNodeOf(db, principal);
        if (!dataDir) throw new HallError('unavailable', 'scans_unavailable');
        const chunk = request.scanChunk ?? Buffer.alloc(0);
        try {
          const progress = receiveScanChunk(db, clock, actor, dataDir, node.deviceId, params.sha256, parseContentRange(request.headers['content-range']), chunk);
          reply.header(SCAN_RECEIVED_HEADER, String(progress.received));
          if (progress.total !== null) reply.header(SCAN_TOTAL_HEADER, String(progress.total));
          return progress;
        } catch (err) {
          if (err instanceof HallError && err.code === 'conflict') reply.header(SCAN_RECEIVED_HEADER, String(err.params.received ?? 0));
          throw err;
        }
      },
    });
  });
}
