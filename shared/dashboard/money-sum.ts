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

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Exact sums of whole tiyn by code (0 … size-1), for counting over columns: each in a double while
 * it stays within 2^53, moved to a BigInt past it. Hot loops add in place themselves —
 * `v = small[c] + t; if (|v| ≤ 2^53 − 1) small[c] = v; else spill(c, t)` — and read with `tenge`.
 */
export class TiynSums {
  readonly small: Float64Array;
  private big: Map<number, bigint> | null = null;

  constructor(size: number) {
    this.small = new Float64Array(size);
  }

  /** Whether `v` (a sum in tiyn) is still exact in a double. */
  static safe(v: number): boolean {
    return v <= MAX_SAFE && v >= -MAX_SAFE;
  }

  /** Adds whole tiyn at `code`. */
  add(code: number, tiyn: number): void {
    const v = (this.small[code] as number) + tiyn;
    if (TiynSums.safe(v)) this.small[code] = v;
    else this.spill(code, tiyn);
  }

  /** Adds `tiyn` at `code` when the double would no longer be exact. */
  spill(code: number, tiyn: number): void {
    const big = (this.big ??= new Map());
    big.set(code, (big.get(code) ?? 0n) + BigInt(this.small[code] as number) + BigInt(tiyn));
    this.small[code] = 0;
  }

  /** The sum at `code` in tenge (the nearest double to the exact decimal sum, as {@link sumTenge}). */
  tenge(code: number): number {
    const big = this.big?.get(code);
    const small = this.small[code] as number;
    return big === undefined ? small / 100 : sumTenge({ tiyn: 0, big: big + BigInt(small) });
  }
}
