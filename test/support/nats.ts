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
