// NATS helpers for tests: streams made under a test namespace are removed afterwards.
import { connect } from 'nats';

/** Deletes a JetStream stream if it exists. */
export async function deleteStream(natsUrl: string, stream: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

/** How many messages a durable consumer has handed out (redeliveries included). */
export async function consumerDeliveries(natsUrl: string, stream: string, durable: string): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    return (await jsm.consumers.info(stream, durable)).delivered.consumer_seq;
  } finally {
    await nc.close();
  }
}

let swept: Promise<void> | undefined;

/**
 * Once per test process: removes test streams (MARQUEE_TEST_*) left by suites that share a
 * namespace between apps or died before closing. Only streams older than an hour, so no suite
 * still running loses its own.
 */
export function sweepStaleTestStreams(natsUrl: string, olderThanMs = 3600_000): Promise<void> {
  swept ??= (async () => {
    const nc = await connect({ servers: natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const stale: string[] = [];
      for await (const s of jsm.streams.list()) {
        if (s.config.name.startsWith('MARQUEE_TEST_') && Date.now() - new Date(s.created).getTime() > olderThanMs)
          stale.push(s.config.name);
      }
      for (const name of stale) await jsm.streams.delete(name).catch(() => false);
    } finally {
      await nc.close();
    }
  })().catch(() => {});
  return swept;
}
