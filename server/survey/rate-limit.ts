import { createHash, randomBytes } from 'node:crypto';
import type { FormLimits } from '../contracts/resident-survey.ts';

/**
 * The form's rate limit per client address and per zone, in this process's memory only: an
 * address is kept as a salted hash (the salt dies with the process) and only while one of its
 * answers is inside the window; nothing of it is ever written to the database (issue #20 item 4).
 * Each accepted answer is remembered with its id, so when a limit trips, the answers that made
 * the burst can be held out of the figures.
 */
export type Take = { ok: true } | { ok: false; scope: 'address' | 'zone'; retryAfterMs: number; burstIds: number[] };

interface Seen {
  at: number;
  id: number;
  /** Already handed out as part of a burst (held once, not again on every refusal). */
  held?: boolean;
}

export class FormRateLimit {
  readonly #salt = randomBytes(16);
  readonly #byAddress = new Map<string, Seen[]>();
  readonly #byZone = new Map<string, Seen[]>();
  #lastSweep = 0;

  constructor(readonly limits: FormLimits) {}

  /** May this address answer for this zone now? (Nothing is recorded until `record`.) */
  check(address: string, zoneId: string, now: number): Take {
    this.#sweep(now);
    const fromAddress = this.#recent(this.#byAddress, this.#key(address), now);
    if (fromAddress.length >= this.limits.perAddress) return this.#refuse('address', fromAddress, now);
    const forZone = this.#recent(this.#byZone, zoneId, now);
    if (forZone.length >= this.limits.perZone) return this.#refuse('zone', forZone, now);
    return { ok: true };
  }

  /** An answer was accepted. */
  record(address: string, zoneId: string, id: number, now: number): void {
    // One record in both lists: an answer held through its address is not handed out again by its zone.
    const seen: Seen = { at: now, id };
    for (const [map, key] of [
      [this.#byAddress, this.#key(address)],
      [this.#byZone, zoneId],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(seen);
      map.set(key, list);
    }
  }

  /** Addresses currently remembered (tests: none after the window). */
  get addressesHeld(): number {
    return this.#byAddress.size;
  }

  #key(address: string): string {
    return createHash('sha256').update(this.#salt).update(address).digest('base64url');
  }

  /** A refusal, with the window's answers not yet held (each is handed out once). */
  #refuse(scope: 'address' | 'zone', seen: Seen[], now: number): Take {
    const oldest = seen[0]?.at ?? now;
    const burstIds: number[] = [];
    for (const s of seen) {
      if (s.held) continue;
      s.held = true;
      burstIds.push(s.id);
    }
    return { ok: false, scope, retryAfterMs: Math.max(1000, oldest + this.limits.windowMs - now), burstIds };
  }

  #recent(map: Map<string, Seen[]>, key: string, now: number): Seen[] {
    const list = map.get(key);
    if (!list) return [];
    const since = now - this.limits.windowMs;
    const kept = list.filter((s) => s.at > since);
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept);
    return kept;
  }

  /** Forgets every address and zone whose answers have all left the window. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.limits.windowMs / 10) return;
    this.#lastSweep = now;
    for (const map of [this.#byAddress, this.#byZone]) for (const key of [...map.keys()]) this.#recent(map, key, now);
  }
}
