// The PassKit web service (Apple's protocol, under APPLE_WEB_SERVICE_PATH): devices register for a
// pass's updates, ask which of their passes changed since a tag, fetch a pass again (304 when it has
// not changed since If-Modified-Since) and report errors. The requests about one pass carry its token
// as `Authorization: ApplePass <token>`; a wrong or missing one is 401. Another pass type than the
// configured one is 404, as is everything while Apple passes are not configured.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Logger } from 'pino';
import type { Limit, RateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { notFound } from '../../platform/errors.ts';
import * as S from './wallet.schemas.ts';
import { sendPass } from './wallet.routes.ts';
import { APPLE_WEB_SERVICE_PATH, type WalletService } from './wallet.service.ts';

const tags = ['wallet'];
const base = `${APPLE_WEB_SERVICE_PATH}/v1`;
const security: { [label: string]: string[] }[] = [{ applePass: [] }];

/** Device log lines one address may send per minute: they are written to our log. */
const LOG_LIMIT: Limit = { name: 'wallet-device-log', max: 30, windowMs: 60_000 };

function applePassToken(request: FastifyRequest): string | undefined {
  return /^ApplePass\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

export function registerAppleWebService(
  app: HttpApp,
  deps: { wallet: WalletService; limiter: RateLimiter; logger: Logger },
): void {
  const { wallet } = deps;

  /** The configured pass type or 404 (Apple's devices then stop asking). */
  function ownPassType(passTypeIdentifier: string): void {
    if (wallet.passTypeIdentifier() !== passTypeIdentifier) throw notFound('The pass type', 'pass_type_not_found');
  }

  /** Checks the pass type and the pass's token (401 without the right one). */
  async function authorized(request: FastifyRequest, params: { passTypeIdentifier: string; serialNumber: string }) {
    ownPassType(params.passTypeIdentifier);
    await wallet.checkPassToken(params.serialNumber, applePassToken(request));
  }

  app.post(
    `${base}/devices/:deviceLibraryIdentifier/registrations/:passTypeIdentifier/:serialNumber`,
    {
      schema: {
        tags,
        summary: "A device asks for a pass's updates: 201 registered, 200 already (its push token renewed)",
        security,
        params: S.RegistrationParams,
        body: S.RegistrationBody,
      },
    },
    async (request, reply) => {
      const p = request.params;
      await authorized(request, p);
      const created = await wallet.register({
        device: p.deviceLibraryIdentifier,
        passTypeId: p.passTypeIdentifier,
        serial: p.serialNumber,
        pushToken: request.body.pushToken,
      });
      return reply.code(created ? 201 : 200).send();
    },
  );

  app.delete(
    `${base}/devices/:deviceLibraryIdentifier/registrations/:passTypeIdentifier/:serialNumber`,
    {
      schema: {
        tags,
        summary: "A device no longer wants a pass's updates (the pass was deleted from it)",
        security,
        params: S.RegistrationParams,
      },
    },
    async (request, reply) => {
      const p = request.params;
      await authorized(request, p);
      await wallet.unregister({
        device: p.deviceLibraryIdentifier,
        passTypeId: p.passTypeIdentifier,
        serial: p.serialNumber,
      });
      return reply.code(200).send();
    },
  );

  app.get(
    `${base}/devices/:deviceLibraryIdentifier/registrations/:passTypeIdentifier`,
    {
      schema: {
        tags,
        summary: "The serial numbers of a device's passes changed since passesUpdatedSince; 204 when none",
        params: S.DevicePassesParams,
        querystring: S.DevicePassesQuery,
        response: { 200: S.ChangedPasses, 204: Type.Null({ description: 'None changed' }) },
      },
    },
    async (request, reply) => {
      const { deviceLibraryIdentifier, passTypeIdentifier } = request.params;
      ownPassType(passTypeIdentifier);
      const tag = request.query.passesUpdatedSince;
      const changed = await wallet.changedSerials(
        deviceLibraryIdentifier,
        passTypeIdentifier,
        tag === undefined ? undefined : new Date(Number(tag)),
      );
      if (changed.serialNumbers.length === 0) return reply.code(204).send(null);
      return changed;
    },
  );

  app.get(
    `${base}/passes/:passTypeIdentifier/:serialNumber`,
    {
      schema: {
        tags,
        summary: 'The latest version of a pass; 304 when unchanged since If-Modified-Since',
        security,
        params: S.PassParams,
      },
    },
    async (request, reply) => {
      const p = request.params;
      await authorized(request, p);
      const since = Date.parse(request.headers['if-modified-since'] ?? '');
      const updatedAt = await wallet.updatedAt(p.serialNumber);
      // HTTP dates have whole seconds; a change always lands in a later second (wallet.store.ts).
      if (updatedAt && !Number.isNaN(since) && Math.floor(updatedAt.getTime() / 1000) * 1000 <= since)
        return reply.code(304).header('last-modified', updatedAt.toUTCString()).send();
      return sendPass(reply, await wallet.drawPass(await wallet.ticket(p.serialNumber)), p.serialNumber);
    },
  );

  app.post(
    `${base}/log`,
    {
      onRequest: deps.limiter.hook(LOG_LIMIT),
      schema: { tags, summary: 'Errors a device met with this web service, for our log', body: S.LogBody },
    },
    async (request, reply) => {
      for (const line of request.body.logs) deps.logger.warn({ device: line }, 'wallet: a device reports');
      return reply.code(200).send();
    },
  );
}
