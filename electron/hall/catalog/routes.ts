// The catalogue over HTTP (DESIGN §6): reading for every signed-in user and device (the kiosk shows
// guides), changing for the admin only.
import { z } from 'zod';
import {
  CreateItemRequest,
  ExportQuery,
  ImportRequest,
  ImportResult,
  Item,
  ItemCodeParam,
  ItemListQuery,
  ItemSummary,
  UpdateItemRequest,
} from '../../contract/catalog.js';
import type { HallContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { exportItems, exportJson, importRows, rowsOfUpload } from './import-service.js';
import { XlsxReader } from './import-xlsx.js';
import { createItem, findItem, listItems, updateItem } from './item-service.js';
import { itemsToXlsx } from './xlsx-sheet.js';

export function registerCatalogRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  const admin = ['admin'] as const;
  const xlsx = new XlsxReader();

  hall.route({
    method: 'GET', url: '/items', tag: 'catalog', summary: 'Items, found by Chinese text, full pinyin or initials (public guides)', allow: 'public',
    query: ItemListQuery, response: z.array(ItemSummary),
    // Guides are public information; citizens (a kiosk, a phone scanning the slip) see only the
    // items the hall offers today, staff see the whole catalogue.
    handler: ({ query, principal }) => listItems(db, { ...query, active: principal?.kind === 'user' ? query.active : true }),
  });
  hall.route({
    method: 'GET', url: '/items/export', tag: 'catalog', summary: 'The whole catalogue as a JSON or xlsx file', allow: admin,
    query: ExportQuery,
    handler: async ({ query, reply }) => {
      const stamp = clock.now().toISOString().slice(0, 10);
      if (query.format === 'json') {
        reply.header('content-disposition', `attachment; filename="catalog-${stamp}.json"`);
        return exportJson(db);
      }
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="catalog-${stamp}.xlsx"`);
      return itemsToXlsx(exportItems(db));
    },
  });
  hall.route({
    method: 'POST', url: '/items/import', tag: 'catalog',
    summary: 'Load a JSON or xlsx catalogue; a broken row refuses the whole file; an xlsx within 20 MB unzipped, 5,001 rows, 200,000 cells and 10 s',
    allow: admin, body: ImportRequest, response: ImportResult,
    handler: async ({ body, actor }) => {
      const rows = await rowsOfUpload(body, xlsx);
      const result = importRows(db, clock, actor, rows);
      hall.events.publish('catalog.changed', result);
      return result;
    },
  });
  hall.route({
    method: 'GET', url: '/items/:code', tag: 'catalog', summary: 'One item with its full guide and materials (public)', allow: 'public',
    params: ItemCodeParam, response: Item,
    handler: ({ params, principal }) => {
      const item = findItem(db, params.code);
      if (!item || (principal?.kind !== 'user' && !item.active)) throw notFound();
      return item;
    },
  });
  hall.route({
    method: 'POST', url: '/items', tag: 'catalog', summary: 'Add an item', allow: admin, status: 201,
    body: CreateItemRequest, response: Item,
    handler: ({ body, actor }) => {
      const item = createItem(db, clock, actor, body);
      hall.events.publish('catalog.changed', { code: item.code });
      return item;
    },
  });
  hall.route({
    method: 'PUT', url: '/items/:code', tag: 'catalog', summary: 'Replace an item and its materials', allow: admin,
    params: ItemCodeParam, body: UpdateItemRequest, response: Item,
    handler: ({ params, body, actor }) => {
      const item = updateItem(db, clock, actor, params.code, body);
      hall.events.publish('catalog.changed', { code: item.code });
      return item;
    },
  });
}
