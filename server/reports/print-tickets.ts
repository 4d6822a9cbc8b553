/**
 * Print tickets: how the server's own Chromium reads the data as the caller, and no more.
 *
 * A report is asked for by a signed-in user or an API token; the server then opens its print
 * view in Chromium, whose requests carry no cookie of that user. Instead the server mints a
 * ticket for that one document:
 * - a random 256-bit secret, kept hashed here, never in a URL or log: Chromium sends it in the
 *   X-SSZ-Print-Ticket header (set on the page's context), over the loopback connection;
 * - bound to the caller's principal and to the report's zones: its zone list is the caller's
 *   in-scope zones narrowed to the report's, so the print view can read nothing else;
 * - read-only: GET and HEAD only, and refused from any address but this machine's own;
 * - short-lived and single-use: it expires after TICKET_TTL_MS and is revoked as soon as its one
 *   document is made (or failed), so it cannot be replayed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';

export const PRINT_TICKET_HEADER = 'x-ssz-print-ticket';

/** Long enough for a pack of many zones on a busy machine; a ticket normally lives seconds. */
export const TICKET_TTL_MS = 5 * 60_000;

export interface PrintGrant {
  principal: Principal;
  /** The zones the print view may read: the caller's in-scope zones within the report (null = every zone). */
  zoneIds: string[] | null;
}

interface Ticket extends PrintGrant {
  expiresAt: number;
}

const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether a request's socket address is this machine's own loopback. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

export class PrintTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new ticket for one document; the secret goes to Chromium only. */
  mint(grant: PrintGrant): { secret: string; revoke: () => void } {
    this.sweep();
    const secret = randomBytes(32).toString('base64url');
    const key = hash(secret);
    this.tickets.set(key, {
      principal: { ...grant.principal },
      zoneIds: grant.zoneIds === null ? null : [...grant.zoneIds],
      expiresAt: this.now() + TICKET_TTL_MS,
    });
    return { secret, revoke: () => this.tickets.delete(key) };
  }

  /** The grant of a live ticket, or null (unknown, revoked or expired). */
  resolve(secret: string): PrintGrant | null {
    const key = hash(secret);
    const ticket = this.tickets.get(key);
    if (!ticket) return null;
    if (ticket.expiresAt <= this.now()) {
      this.tickets.delete(key);
      return null;
    }
    return { principal: ticket.principal, zoneIds: ticket.zoneIds };
  }

  get size(): number {
    return this.tickets.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(key);
  }
}
