import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../server/auth/principal.ts';
import { isLoopback, PrintTickets, TICKET_TTL_MS } from '../../../server/reports/print-tickets.ts';

const commander: Principal = {
  username: 'cmd',
  role: 'commander',
  scope: { kind: 'station', codes: ['ST-A'] },
  via: 'session',
};

describe('print tickets', () => {
  it('grant the caller, narrowed to the report zones, until revoked', () => {
    const tickets = new PrintTickets();
    const { secret, revoke } = tickets.mint({ principal: commander, zoneIds: ['Z-1'] });
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(tickets.resolve(secret)).toEqual({ principal: commander, zoneIds: ['Z-1'] });
    revoke();
    expect(tickets.resolve(secret)).toBeNull();
    expect(tickets.size).toBe(0);
  });

  it('expire, and an unknown secret opens nothing', () => {
    let now = 1_000;
    const tickets = new PrintTickets(() => now);
    const { secret } = tickets.mint({ principal: commander, zoneIds: null });
    expect(tickets.resolve('not-a-ticket')).toBeNull();
    now += TICKET_TTL_MS - 1;
    expect(tickets.resolve(secret)?.zoneIds).toBeNull();
    now += 1;
    expect(tickets.resolve(secret)).toBeNull();
  });

  it('keep their own copy of the grant', () => {
    const tickets = new PrintTickets();
    const zones = ['Z-1'];
    const { secret } = tickets.mint({ principal: commander, zoneIds: zones });
    zones.push('Z-2');
    expect(tickets.resolve(secret)?.zoneIds).toEqual(['Z-1']);
  });

  it('are honoured from loopback only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
