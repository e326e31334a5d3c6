import { z } from 'zod';
import { CreateUserRequest, IdParam, UpdateUserRequest, UserView } from '../../contract/api.js';
import { notFound } from '../http/errors.js';
import type { HallContext } from '../context.js';
import { createUser, findUser, listUsers, updateUser } from './service.js';

const UserList = z.object({ rows: z.array(UserView), total: z.number().int() });

export function registerUserRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  const admin = ['admin'] as const;

  hall.route({
    method: 'GET', url: '/users', tag: 'users', summary: 'List staff accounts', allow: admin, response: UserList,
    handler: () => listUsers(db),
  });
  hall.route({
    method: 'GET', url: '/users/:id', tag: 'users', summary: 'One staff account', allow: admin, params: IdParam, response: UserView,
    handler: ({ params }) => findUser(db, params.id) ?? Promise.reject(notFound()),
  });
  hall.route({
    method: 'POST', url: '/users', tag: 'users', summary: 'Create a staff account', allow: admin, status: 201,
    body: CreateUserRequest, response: UserView,
    handler: async ({ body, actor }) => {
      const user = await createUser(db, clock, actor, body);
      hall.events.publish('user.created', { id: user.id }, admin);
      return user;
    },
  });
  hall.route({
    method: 'PATCH', url: '/users/:id', tag: 'users', summary: 'Change name, role, active or password', allow: admin,
    params: IdParam, body: UpdateUserRequest, response: UserView,
    handler: async ({ params, body, actor }) => {
      const user = await updateUser(db, clock, actor, params.id, body);
      hall.events.publish('user.updated', { id: user.id }, admin);
      return user;
    },
  });
}
