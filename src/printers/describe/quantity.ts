/**
 * Just enough of apimachinery's resource.Quantity for describe: parse `100m`, `50Mi`, `263112772Ki`,
 * `1e3`; add; compare; print the canonical form (`Quantity.String()`).
 *
 * Values are kept as a bigint count of nano-units so sums and divisibility checks are exact.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: `nano` = value × 10⁹; `format` decides how String() prints it. */
export interface Quantity {
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** The zero quantity (a missing map entry in Go), which prints `0`. */
export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** Parses a quantity string; unparsable input gives ZERO (the API server rejects such objects anyway). */
export function parseQuantity(input: string | number | undefined): Quantity {
  if (input === undefined) return ZERO;
  const m = String(input).trim().match(/^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE])?$/);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return ZERO;
  const [, sign, whole, frac = '', suffix = ''] = m;
  let num = BigInt((whole || '0') + frac); // value × 10^frac.length
  let den = 10n ** BigInt(frac.length);
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY) {
    num *= 1024n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else {
    const exp = suffix in DECIMAL ? DECIMAL[suffix] : Number(suffix.slice(1));
    if (!(suffix in DECIMAL)) format = 'DecimalExponent';
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  // Go rounds values finer than a nano-unit up.
  const nano = ceilDiv(num * NANO, den);
  return { nano: sign === '-' ? -nano : nano, format };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : q + 1n;
}

/** Sum of two quantities; like Go's Add the result keeps the first operand's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a === ZERO ? b.format : a.format };
}

/** -1, 0 or 1. */
export function cmpQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** MilliValue(): value × 1000 rounded up. */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nano, 1_000_000n));
}

/** Value(): the value rounded up to an integer. */
export function intValue(q: Quantity): number {
  return Number(ceilDiv(q.nano, NANO));
}

/** The canonical string Go prints (`Quantity.String()`): `100m`, `1k`, `50Mi`, `1536`, `0`. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  const neg = q.nano < 0n;
  const abs = neg ? -q.nano : q.nano;
  let format = q.format;
  // Go falls back to DecimalSI for binary quantities smaller than 1Ki or not whole numbers.
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI';
  const text = format === 'BinarySI' ? formatBinary(abs / NANO) : formatDecimal(abs, format);
  return (neg ? '-' : '') + text;
}

function formatBinary(value: bigint): string {
  let v = value;
  let k = 0;
  while (k < 6 && v % 1024n === 0n) {
    v /= 1024n;
    k++;
  }
  return `${v}${BINARY_SUFFIX[k]}`;
}

function formatDecimal(nano: bigint, format: QuantityFormat): string {
  let mantissa = nano;
  let exp = -9;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  return `${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Canonical form of a quantity string (`1000m` → `1`). */
export function canonicalQuantity(input: string | number | undefined): string {
  return formatQuantity(parseQuantity(input));
}
