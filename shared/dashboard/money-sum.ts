// Exact sums of tenge amounts. Amounts are stored as JS numbers of tenge (with tiyn as a fraction),
// so adding them as floats drifts (0.1 + 0.2); a sum here adds whole tiyn as integers, in a plain
// number while that is exact and in a BigInt past 2^53 — fast for 100,000 rows and never rounded.

/** A running sum of tenge amounts, kept in whole tiyn. */
export type MoneySum = { tiyn: number; big: bigint | null };

export function newSum(): MoneySum {
  return { tiyn: 0, big: null };
}

/** Adds `tenge` (a finite, non-negative or negative amount) to the sum in place. */
export function addTenge(sum: MoneySum, tenge: number | undefined): void {
  if (tenge === undefined || tenge === 0 || !Number.isFinite(tenge)) return;
  const tiyn = Math.round(tenge * 100);
  if (sum.big === null && Number.isSafeInteger(tiyn)) {
    const next = sum.tiyn + tiyn;
    if (Number.isSafeInteger(next)) {
      sum.tiyn = next;
      return;
    }
  }
  // Past 2^53 tiyn (≈ 90 trillion tenge): whole tenge of a huge amount are exact in a double.
  const add = Number.isSafeInteger(tiyn) ? BigInt(tiyn) : BigInt(Math.round(tenge)) * 100n;
  sum.big = (sum.big ?? BigInt(sum.tiyn)) + add;
  sum.tiyn = 0;
}

/** The sum in tenge (the nearest double to the exact decimal sum). */
export function sumTenge(sum: MoneySum): number {
  if (sum.big === null) return sum.tiyn / 100;
  const whole = sum.big / 100n;
  const rest = sum.big % 100n;
  return Number(whole) + Number(rest) / 100;
}
