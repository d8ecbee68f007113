import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { generateTicketKey, loadTicketKeys, publicKeyPem, signTicketCode, verifyTicketCode } from './ticket-code.ts';

describe('ticket codes', () => {
  const keys = loadTicketKeys(generateTicketKey());
  const ticketId = randomUUID();
  const showtimeId = randomUUID();

  test('a signed code verifies and names its ticket and showtime', () => {
    const code = signTicketCode(keys, ticketId, showtimeId);
    assert.match(code, /^MQ1\.[A-Za-z0-9_-]+$/);
    assert.ok(code.length <= 140, `compact: ${code.length} characters`);
    assert.deepEqual(verifyTicketCode(keys, code), { ticketId, showtimeId });
  });

  test('the key survives being stored as text', () => {
    const stored = generateTicketKey();
    const code = signTicketCode(loadTicketKeys(stored), ticketId, showtimeId);
    assert.deepEqual(verifyTicketCode(loadTicketKeys(stored), code), { ticketId, showtimeId });
    assert.match(publicKeyPem(loadTicketKeys(stored)), /BEGIN PUBLIC KEY/);
  });

  test('any altered character makes the code invalid', () => {
    const code = signTicketCode(keys, ticketId, showtimeId);
    for (let i = 4; i < code.length; i += 7) {
      const c = code[i] === 'A' ? 'B' : 'A';
      const forged = code.slice(0, i) + c + code.slice(i + 1);
      assert.equal(verifyTicketCode(keys, forged), null, `position ${i}`);
    }
  });

  test('a code signed with another key is refused', () => {
    const other = loadTicketKeys(generateTicketKey());
    assert.equal(verifyTicketCode(keys, signTicketCode(other, ticketId, showtimeId)), null);
  });

  test('garbage is refused without throwing', () => {
    for (const junk of [
      '',
      'MQ1.',
      'MQ1.abc',
      'hello',
      `MQ1.${'A'.repeat(128)}`,
      `MQ2.${'A'.repeat(128)}`,
      `MQ1.${'+'.repeat(128)}`,
    ]) {
      assert.equal(verifyTicketCode(keys, junk), null, junk);
    }
  });
});
