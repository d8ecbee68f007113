// gRPC `cinema.v1` on GRPC_PORT, with server reflection. Each RPC is a small mapping onto the REST
// route that implements it, called in-process (Fastify inject): one set of rules, validation,
// authentication, idempotency and error codes for both interfaces, by construction.
//
// gRPC's libraries (grpc-js, protobufjs, proto-loader) and the proto files were ≈ 5 % of a start's
// CPU (issue 18, --cpu-prof of `node src/main.ts`): they are loaded when the gRPC server starts,
// after HTTP listens, not by importing this file.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import type * as ProtoLoader from '@grpc/proto-loader';
import type { ReflectionService as Reflection } from '@grpc/reflection';
import type { Logger } from 'pino';
import type { HttpApp } from '../http/server.ts';

const require = createRequire(import.meta.url);

const PROTO_ROOT = path.resolve(import.meta.dirname, '../../../proto');
const PROTO_FILES = ['cinema/v1/catalog.proto', 'cinema/v1/booking.proto'];

export interface RestCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  query?: Record<string, string | number | undefined>;
  payload?: unknown;
  idempotencyKey?: string | undefined;
}

export interface Rpc {
  toRest(request: any): RestCall;
  /** Shapes the REST answer into the response message (default: as is). */
  fromRest?(body: any): unknown;
}

/** RPC name → mapping, per fully-qualified service name (e.g. `cinema.v1.CatalogService`). */
export type RpcTable = Record<string, Record<string, Rpc>>;

export function loadPackageDefinition(): ProtoLoader.PackageDefinition {
  const protoLoader = require('@grpc/proto-loader') as typeof ProtoLoader;
  return protoLoader.loadSync(PROTO_FILES, {
    includeDirs: [PROTO_ROOT],
    keepCase: false,
    longs: Number,
    enums: String,
    defaults: false,
    oneofs: true,
  });
}

function buildUrl(call: RestCall): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query ?? {}))
    if (v !== undefined && v !== '' && v !== 0) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${call.url}?${qs}` : call.url;
}

function peerIp(peer: string): string {
  const m = /^(?:ipv4:|ipv6:)?\[?([^\]]+?)\]?:\d+$/.exec(peer);
  return m?.[1] ?? '127.0.0.1';
}

/**
 * A message field as one path segment of the REST route it maps to. Empty, `.` and `..` (which URL
 * parsing would drop or climb with, even percent-encoded) name nothing instead of the route above.
 */
export const segment = (value: unknown) => {
  const text = String(value ?? '');
  return text === '' || text === '.' || text === '..' ? '-' : encodeURIComponent(text);
};

export interface GrpcServer {
  start(host: string, port: number): Promise<number>;
  close(): Promise<void>;
}

export function createGrpcServer(http: HttpApp, table: RpcTable, logger: Logger): GrpcServer {
  let server: grpc.Server | undefined;
  return {
    async start(host, port) {
      server = await buildServer(http, table, logger);
      const started = server;
      return new Promise((resolve, reject) => {
        started.bindAsync(
          `${host.includes(':') ? `[${host}]` : host}:${port}`,
          (require('@grpc/grpc-js') as typeof grpc).ServerCredentials.createInsecure(),
          (err, bound) => (err ? reject(err) : resolve(bound)),
        );
      });
    },
    close() {
      const started = server;
      if (!started) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => started.forceShutdown(), 5000);
        started.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** The server with every RPC of the table, its libraries and protos loaded now. */
async function buildServer(http: HttpApp, table: RpcTable, logger: Logger): Promise<grpc.Server> {
  const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
  const { ReflectionService } = require('@grpc/reflection') as { ReflectionService: typeof Reflection };
  const { grpcErrorFromProblem } = await import('./errors.ts');
  const definition = loadPackageDefinition();
  const loaded = grpc.loadPackageDefinition(definition);
  const server = new grpc.Server();
  new ReflectionService(definition).addToServer(server);

  for (const [serviceName, rpcs] of Object.entries(table)) {
    const service = serviceName.split('.').reduce<any>((o, k) => o?.[k], loaded)?.service as
      grpc.ServiceDefinition | undefined;
    if (!service) throw new Error(`gRPC service ${serviceName} is not in the proto files`);
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const [rpcName, rpc] of Object.entries(rpcs)) {
      handlers[rpcName] = (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) => {
        void (async () => {
          try {
            const rest = rpc.toRest(call.request);
            const headers: Record<string, string> = {};
            const auth = call.metadata.get('authorization')[0];
            if (typeof auth === 'string') headers.authorization = auth;
            // A hold of a showtime behind a waiting room carries its admission token (issue 18).
            const admission = call.metadata.get('waiting-room-token')[0];
            if (typeof admission === 'string') headers['waiting-room-token'] = admission;
            if (rest.idempotencyKey) headers['idempotency-key'] = rest.idempotencyKey;
            const res = await http.inject({
              method: rest.method,
              url: buildUrl(rest),
              headers,
              remoteAddress: peerIp(call.getPeer()),
              ...(rest.payload !== undefined ? { payload: rest.payload as object } : {}),
            });
            const body =
              res.body.length > 0 && String(res.headers['content-type'] ?? '').includes('json')
                ? JSON.parse(res.body)
                : {};
            if (res.statusCode >= 400) {
              callback(grpcErrorFromProblem(body));
              return;
            }
            callback(null, rpc.fromRest ? rpc.fromRest(body) : body);
          } catch (err) {
            logger.error({ err, rpc: `${serviceName}/${rpcName}` }, 'gRPC call failed');
            callback({ code: grpc.status.INTERNAL, details: 'Something went wrong on our side; it has been logged' });
          }
        })();
      };
    }
    server.addService(service, handlers);
  }
  return server;
}
