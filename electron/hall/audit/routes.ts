import { AuditVerifyResponse } from '../../contract/api.js';
import type { HallContext } from '../context.js';
import { verifyAudit } from './chain.js';

export function registerAuditRoutes(hall: HallContext): void {
  hall.route({
    method: 'GET', url: '/audit/verify', tag: 'audit', summary: 'Check the audit hash chain end to end',
    allow: ['admin'], response: AuditVerifyResponse,
    handler: () => verifyAudit(hall.db),
  });
}
