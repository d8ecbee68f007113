// The same error codes as REST, as gRPC statuses: the stable `code` travels in the `error-code`
// trailer and in a google.rpc.ErrorInfo detail of `grpc-status-details-bin` (the rich error model).
import { Metadata, status } from '@grpc/grpc-js';
import protobuf from 'protobufjs';

const byHttpStatus: Record<number, status> = {
  400: status.INVALID_ARGUMENT,
  401: status.UNAUTHENTICATED,
  402: status.FAILED_PRECONDITION,
  403: status.PERMISSION_DENIED,
  404: status.NOT_FOUND,
  409: status.FAILED_PRECONDITION,
  410: status.NOT_FOUND,
  413: status.RESOURCE_EXHAUSTED,
  415: status.INVALID_ARGUMENT,
  422: status.INVALID_ARGUMENT,
  429: status.RESOURCE_EXHAUSTED,
  503: status.UNAVAILABLE,
};

// Just the two google.rpc messages we send, declared inline rather than vendoring googleapis.
const root = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: { Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } } },
        },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
              },
            },
            ErrorInfo: {
              fields: {
                reason: { type: 'string', id: 1 },
                domain: { type: 'string', id: 2 },
                metadata: { keyType: 'string', type: 'string', id: 3 } as protobuf.IField,
              },
            },
          },
        },
      },
    },
  },
});
const StatusType = root.lookupType('google.rpc.Status');
const ErrorInfoType = root.lookupType('google.rpc.ErrorInfo');

export interface GrpcError {
  code: status;
  details: string;
  metadata: Metadata;
}

/** A problem document (status + code + detail + extras) as a gRPC error. */
export function grpcErrorFromProblem(problem: {
  status: number;
  code: string;
  detail: string;
  [k: string]: unknown;
}): GrpcError {
  const code = byHttpStatus[problem.status] ?? status.INTERNAL;
  const extras: Record<string, string> = {};
  for (const [k, v] of Object.entries(problem)) {
    if (['type', 'title', 'status', 'detail', 'code'].includes(k)) continue;
    extras[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const info = ErrorInfoType.encode(
    ErrorInfoType.create({ reason: problem.code, domain: 'marquee', metadata: extras }),
  ).finish();
  const detailsBin = StatusType.encode(
    StatusType.create({
      code,
      message: problem.detail,
      details: [{ type_url: 'type.googleapis.com/google.rpc.ErrorInfo', value: info }],
    }),
  ).finish();
  const metadata = new Metadata();
  metadata.set('error-code', problem.code);
  metadata.set('grpc-status-details-bin', Buffer.from(detailsBin));
  return { code, details: problem.detail, metadata };
}

/** Reads the ErrorInfo back (clients and tests). */
export function errorInfoOf(metadata: Metadata): { reason: string; metadata: Record<string, string> } | undefined {
  const bin = metadata.get('grpc-status-details-bin')[0];
  if (!Buffer.isBuffer(bin)) return undefined;
  const decoded = StatusType.toObject(StatusType.decode(bin), { bytes: Buffer }) as { details?: { value: Buffer }[] };
  const first = decoded.details?.[0];
  if (!first) return undefined;
  return ErrorInfoType.toObject(ErrorInfoType.decode(first.value)) as {
    reason: string;
    metadata: Record<string, string>;
  };
}
