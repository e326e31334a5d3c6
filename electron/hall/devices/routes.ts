import { z } from 'zod';
import { CreateDeviceRequest, CreateDeviceResponse, DeviceView, IdParam } from '../../contract/api.js';
import type { HallContext } from '../context.js';
import { createDevice, listDevices, reissueDeviceToken, revokeDevice } from './service.js';

const DeviceList = z.object({ rows: z.array(DeviceView), total: z.number().int() });

export function registerDeviceRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  const admin = ['admin'] as const;

  hall.route({
    method: 'GET', url: '/devices', tag: 'devices', summary: 'List paired terminals', allow: admin, response: DeviceList,
    handler: () => listDevices(db),
  });
  hall.route({
    method: 'POST', url: '/devices', tag: 'devices', summary: 'Register a terminal; its pairing token is returned once',
    allow: admin, status: 201, body: CreateDeviceRequest, response: CreateDeviceResponse,
    handler: ({ body, actor }) => {
      const created = createDevice(db, clock, actor, body);
      hall.events.publish('device.created', { id: created.id }, admin);
      return created;
    },
  });
  hall.route({
    method: 'POST', url: '/devices/:id/revoke', tag: 'devices', summary: 'Stop a terminal\'s token at once',
    allow: admin, params: IdParam, response: DeviceView,
    handler: ({ params, actor }) => {
      const device = revokeDevice(db, clock, actor, params.id);
      hall.events.publish('device.revoked', { id: device.id }, admin);
      return device;
    },
  });
  hall.route({
    method: 'POST', url: '/devices/:id/token', tag: 'devices', summary: 'Issue a new pairing token (the old one stops)',
    allow: admin, params: IdParam, response: CreateDeviceResponse,
    handler: ({ params, actor }) => reissueDeviceToken(db, clock, actor, params.id),
  });
}
