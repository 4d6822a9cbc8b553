/**
 * A KPI answer says each method once: `methods` maps a key to a method (rule names and
 * parameters), and each figure's `method` is that key. Thousands of figures share a handful of
 * methods. What belongs to one figure (its months, covered months, pooled zones) stays on the
 * figure and is put back beside the shared method when the method is shown. Pure; the server keys
 * the methods (server/services/kpis.ts), the web and the exports read them back.
 */

/** The facts of one figure a method popover also names (they live on the figure, not the method). */
interface FigureFacts {
  method: string;
  /** Crime: months after the start (L in kpi.md). */
  months?: number;
  coveredMonths?: { from: string; to: string } | null;
  zonesPooled?: number | null;
}

/** Keys methods as they come: the same method (same JSON) gets the same key, within one answer. */
export class MethodKeys<Method> {
  readonly methods: Record<string, Method> = {};
  readonly #keyOf = new Map<string, string>();

  /** The key of a method (`crime-2`), adding it to `methods` the first time. */
  key(kind: string, method: Method): string {
    const text = `${kind}\u0000${JSON.stringify(method)}`;
    let key = this.#keyOf.get(text);
    if (key === undefined) {
      let ordinal = 1;
      while (`${kind}-${ordinal}` in this.methods) ordinal += 1;
      key = `${kind}-${ordinal}`;
      this.#keyOf.set(text, key);
      this.methods[key] = method;
    }
    return key;
  }
}

/**
 * A figure's whole method for display: the shared method with this figure's own facts (L, the
 * months the station's data covers, the zones a rollup pooled). Undefined for an unknown key.
 */
export function figureMethod<Method extends object>(
  methods: Readonly<Record<string, Method>>,
  figure: FigureFacts,
): (Method & { L?: number; coveredMonths?: { from: string; to: string }; pooledZones?: number }) | undefined {
  const shared = methods[figure.method];
  if (shared === undefined) return undefined;
  if (figure.months === undefined) return shared;
  return {
    ...shared,
    L: figure.months,
    ...(figure.coveredMonths ? { coveredMonths: figure.coveredMonths } : {}),
    ...(figure.zonesPooled !== null && figure.zonesPooled !== undefined ? { pooledZones: figure.zonesPooled } : {}),
  };
}
