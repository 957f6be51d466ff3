// Exact sums of tenge amounts. Amounts are stored as JS numbers of tenge (with tiyn as a fraction),
// so adding them as floats drifts (0.1 + 0.2); a sum here adds whole tiyn as integers, in a plain
// number while that is exact and in a BigInt past 2^53 — fast for 100,000 rows and never rounded.

/** A running sum of tenge amounts, kept in whole tiyn. */
export type MoneySum = { tiyn: number; big: bigint | null };

export function newSum(): MoneySum {
  return { tiyn: 0, big: null };
}

/** An amount in whole tiyn (0 for none), to add to several sums without converting it each time. */
export function toTiyn(tenge: number | undefined): number {
  return tenge === undefined || !Number.isFinite(tenge) ? 0 : Math.round(tenge * 100);
}

/** Adds an amount in whole tiyn (from {@link toTiyn}) to the sum in place. */
export function addTiyn(sum: MoneySum, tiyn: number): void {
  if (tiyn === 0) return;
  if (sum.big === null) {
    const next = sum.tiyn + tiyn;
    if (Number.isSafeInteger(next) && Number.isSafeInteger(tiyn)) {
      sum.tiyn = next;
      return;
    }
    sum.big = BigInt(sum.tiyn);
    sum.tiyn = 0;
  }
  // Past 2^53 tiyn (≈ 90 trillion tenge): a huge amount is a whole number of tiyn in a double.
  sum.big += BigInt(tiyn);
}

/** Adds `tenge` (a finite amount) to the sum in place. */
export function addTenge(sum: MoneySum, tenge: number | undefined): void {
  addTiyn(sum, toTiyn(tenge));
}

/** The sum in tenge (the nearest double to the exact decimal sum). */
export function sumTenge(sum: MoneySum): number {
  if (sum.big === null) return sum.tiyn / 100;
  const whole = sum.big / 100n;
  const rest = sum.big % 100n;
  return Number(whole) + Number(rest) / 100;
}
