/**
 * Synthetic control (kpi.md "Synthetic control"), on constructed cases whose answer is known:
 * a zone that is an exact mix of two donors, a planted 30% drop, random pools for the simplex
 * constraints, and too short a pre-start window.
 */
import { describe, expect, it } from 'vitest';
import { simplexLeastSquaresGram, syntheticControl } from '../../../server/kpi/synthetic-control.ts';
import { mulberry32 } from '../../../server/random.ts';
import { nonFiniteNumbers, randomInt } from './random.ts';

const PRE = 24;
const AFTER = 12;
const MONTHS = Array.from({ length: PRE + AFTER }, (_, i) => {
  const y = 2021 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
});

/** A station area's monthly counts: its own level, trend, season and noise. */
function donorSeries(random: () => number, level: number): number[] {
  const trend = (random() - 0.5) * 0.02;
  const phase = random() * 12;
  const amplitude = 0.1 + random() * 0.3;
  return MONTHS.map((_, t) =>
    Math.max(
      0,
      Math.round(
        level * (1 + trend * t) * (1 + amplitude * Math.sin(((t + phase) / 12) * 2 * Math.PI)) +
          (random() - 0.5) * level * 0.2,
      ),
    ),
  );
}

const mean = (xs: readonly number[], from: number, to: number) =>
  xs.slice(from, to).reduce((s, x) => s + x, 0) / (to - from);

/** The zone as an exact mix of donors in shares of their pre-start means, scaled to `zoneMean`. */
function mixOf(donors: number[][], weights: Record<number, number>, zoneMean: number): number[] {
  return MONTHS.map(
    (_, t) =>
      Object.entries(weights).reduce((s, [j, w]) => {
        const d = donors[Number(j)] as number[];
        return s + w * ((d[t] as number) / mean(d, 0, PRE));
      }, 0) * zoneMean,
  );
}

function pool(seed: number, n: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => donorSeries(random, randomInt(random, 20, 400)));
}

describe('synthetic control', () => {
  it('recovers the weights of a zone that is an exact mix of two donors, and a zero effect', () => {
    const donors = pool(17, 30);
    const zone = mixOf(donors, { 4: 0.35, 11: 0.65 }, 50);
    const result = syntheticControl({
      months: MONTHS,
      preMonths: PRE,
      zone: { id: 'Z', counts: zone },
      donors: donors.map((counts, i) => ({ id: `D${i}`, counts })),
    });
    expect(result.available).toBe(true);
    const byDonor = new Map(result.weights.map((w) => [w.donor, w.weight]));
    expect(byDonor.get(11)).toBeCloseTo(0.65, 9);
    expect(byDonor.get(4)).toBeCloseTo(0.35, 9);
    expect(result.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
    expect([...byDonor.keys()].sort((a, b) => a - b)).toEqual([4, 11]);
    expect(result.effectPct).toBeCloseTo(0, 8);
    expect(result.preRmspe).toBeLessThan(1e-9);
    for (const m of result.months) expect(m.counterfactual).toBeCloseTo(m.actual, 7);
    expect(nonFiniteNumbers(result)).toEqual([]);
  });

  it('finds a planted 30% drop with the smallest placebo p', () => {
    const donors = pool(99, 40);
    const zone = mixOf(donors, { 2: 0.2, 9: 0.5, 30: 0.3 }, 80).map((v, t) => (t >= PRE ? v * 0.7 : v));
    const result = syntheticControl({
      months: MONTHS,
      preMonths: PRE,
      zone: { id: 'Z', counts: zone },
      donors: donors.map((counts, i) => ({ id: `D${i}`, counts })),
    });
    expect(result.effectPct).toBeCloseTo(-30, 6);
    expect(result.placebo).toEqual({ rank: 1, of: 41, p: 1 / 41 });
    expect(result.poorFit).toBe(false);
    expect(result.method).toMatchObject({ preMonths: PRE, afterMonths: AFTER, donorsInPool: 40 });
  });

  it('weights are >= 0 and sum to 1 within 1e-9, and satisfy the optimality conditions, on random pools', () => {
    const random = mulberry32(2024);
    for (let round = 0; round < 25; round++) {
      const n = randomInt(random, 2, 60);
      const donors = pool(1000 + round, n);
      const zone = donorSeries(random, randomInt(random, 5, 300));
      const result = syntheticControl({
        months: MONTHS,
        preMonths: PRE,
        zone: { id: 'Z', counts: zone },
        donors: donors.map((counts, i) => ({ id: `D${i}`, counts })),
      });
      const sum = result.weights.reduce((s, w) => s + w.weight, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      for (const w of result.weights) expect(w.weight).toBeGreaterThan(0);
      expect(result.placebo?.of).toBe(n + 1);
      expect(nonFiniteNumbers(result)).toEqual([]);
    }
    // KKT on a small problem by brute force: no vertex or edge of the simplex does better.
    const x = [
      [1, 0, 2, 1],
      [0, 1, 1, 3],
      [2, 2, 0, 1],
    ];
    const y = [1.2, 0.9, 1.4, 1.5];
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
    const units = [y, ...x];
    const fit = simplexLeastSquaresGram((a, b) => dot(units[a] as number[], units[b] as number[]), [1, 2, 3], 0);
    const loss = (w: number[]) =>
      y.reduce((s, v, t) => s + (w.reduce((m, wj, j) => m + wj * ((x[j] as number[])[t] as number), 0) - v) ** 2, 0);
    const found = loss(Array.from(fit.weights));
    for (let a = 0; a <= 100; a++) {
      for (let b = 0; a + b <= 100; b++)
        expect(found).toBeLessThanOrEqual(loss([a / 100, b / 100, (100 - a - b) / 100]) + 1e-12);
    }
  });

  it('fewer than 12 pre-start months: not available, with the reason', () => {
    const donors = pool(5, 10);
    const result = syntheticControl({
      months: MONTHS.slice(PRE - 11),
      preMonths: 11,
      zone: { id: 'Z', counts: (donors[0] as number[]).slice(PRE - 11) },
      donors: donors.map((counts, i) => ({ id: `D${i}`, counts: counts.slice(PRE - 11) })),
    });
    expect(result).toMatchObject({
      available: false,
      problem: 'too_few_pre_months',
      weights: [],
      effectPct: null,
      placebo: null,
    });
  });

  it('a zone no donor mix can follow is a poor fit, shown as such', () => {
    const donors = pool(7, 20);
    // Alternating spikes no smooth donor reproduces.
    const zone = MONTHS.map((_, t) => (t % 2 === 0 ? 200 : 5));
    const result = syntheticControl({
      months: MONTHS,
      preMonths: PRE,
      zone: { id: 'Z', counts: zone },
      donors: donors.map((counts, i) => ({ id: `D${i}`, counts })),
    });
    expect(result.available).toBe(true);
    expect(result.poorFit).toBe(true);
    expect(result.preRmspe).toBeGreaterThan(2 * (result.placeboMedianPreRmspe as number));
  });
});
