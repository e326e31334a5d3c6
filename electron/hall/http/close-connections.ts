// While a server closes, its answers carry `Connection: close` so kept-alive sockets do not hold
// the exit up (SIGTERM: stop accepting, finish, exit). The hall host and the village node share it.
import type { FastifyInstance } from 'fastify';

export function closeConnectionsOnShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
