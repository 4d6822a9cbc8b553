/** Totals of partner contributions; a column nobody filled in stays unknown (null), not 0. Pure. */
export interface Contribution {
  cctv: number | null;
  volunteers: number | null;
  vehicles: number | null;
  budgetThb: number | null;
}

export function partnerTotals(partners: readonly Contribution[]): Contribution {
  const sum = (pick: (p: Contribution) => number | null) => {
    const known = partners.map(pick).filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
  return {
    cctv: sum((p) => p.cctv),
    volunteers: sum((p) => p.volunteers),
    vehicles: sum((p) => p.vehicles),
    budgetThb: sum((p) => p.budgetThb),
  };
}
