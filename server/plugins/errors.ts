// Every error leaves in French with a stable shape ({ error, issues? }); a 500 says nothing of its cause
// (logged with the request id only), so neither a stack nor a value of the register leaks to a client.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Zod's issue messages (French locale, set by lib/i18n) prefixed with where they are. */
const issuesOf = (error: ZodError) =>
  error.issues.slice(0, 20).map((i) => (i.path.length ? `${i.path.join('.')} : ${i.message}` : i.message));

export function installErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ZodError) {
      return reply
        .code(400)
        .send({ error: 'Requête invalide : le contenu ne respecte pas le protocole.', issues: issuesOf(error) });
    }
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message });
    const code = (error as FastifyError).code ?? '';
    const status = (error as FastifyError).statusCode ?? 500;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'Requête trop volumineuse.' });
    if (code === 'FST_ERR_RATE_LIMIT' || status === 429) {
      return reply.code(429).send({ error: 'Trop de requêtes : réessayez dans un instant.' });
    }
    if (code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError || status === 400 || status === 415) {
      return reply
        .code(400)
        .send({ error: 'Requête invalide : corps JSON illisible ou type de contenu non pris en charge.' });
    }
    if (status >= 400 && status < 500) return reply.code(status).send({ error: 'Requête refusée.' });
    request.log.error({ err: { code, name: error.name } }, 'erreur interne');
    return reply.code(500).send({ error: 'Erreur interne du serveur.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'Adresse inconnue.' }));
}
