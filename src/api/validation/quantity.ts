/**
 * resource.Quantity as far as validation needs it: parsing (with the decoder's error texts), comparison,
 * and the canonical `String()` form the server prints in messages ("0.5" → "500m", "1024Mi" → "1Gi").
 * Values are exact BigInts in nano-units; like SetDefaults_ResourceList they are rounded up to milli.
 */

/** The decoder's text for a quantity that does not look like one (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** The decoder's text for an unknown quantity suffix (resource.ErrSuffix). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: `nano` is the value × 10^9. */
export interface Quantity {
  nano: bigint;
  format: Format;
}

const SPLIT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 10n ** 9n;
const MILLI_IN_NANO = 10n ** 6n;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Multiplies `num` (a decimal string) by 10^exp10 × 1024^exp2 × 10^9, rounding a remainder up. */
function toNano(num: string, exp10: number, exp2: number): bigint | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(num);
  if (!m || (m[2] + (m[3] ?? '')).length === 0) return undefined;
  const frac = m[3] ?? '';
  let value = BigInt((m[2] || '0') + frac) * 1024n ** BigInt(exp2);
  const scale = exp10 + 9 - frac.length;
  if (scale >= 0) value *= pow10(scale);
  else {
    const d = pow10(-scale);
    value = value / d + (value % d === 0n ? 0n : 1n);
  }
  return m[1] === '-' ? -value : value;
}

/** Parses like resource.ParseQuantity; returns the decoder's error text on failure. */
export function parseQuantity(s: string): Quantity | string {
  const m = SPLIT.exec(s);
  if (!m) return QUANTITY_FORMAT_ERROR;
  const [, num, suffix] = m;
  let nano: bigint | undefined;
  let format: Format;
  if (suffix in DECIMAL) {
    nano = toNano(num, DECIMAL[suffix], 0);
    format = 'DecimalSI';
  } else if (BINARY.includes(suffix)) {
    nano = toNano(num, 0, BINARY.indexOf(suffix));
    format = 'BinarySI';
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    nano = toNano(num, Number(suffix.slice(1)), 0);
    format = 'DecimalExponent';
  } else return QUANTITY_SUFFIX_ERROR;
  if (nano === undefined) return QUANTITY_SUFFIX_ERROR;
  // SetDefaults_ResourceList rounds every value up to milli precision.
  const rem = nano % MILLI_IN_NANO;
  if (rem !== 0n) nano = nano - rem + (nano > 0n ? MILLI_IN_NANO : 0n);
  return { nano, format };
}

/** A quantity from a JSON value (numbers are accepted as their decimal text). */
export function quantityOf(v: unknown): Quantity | string {
  return parseQuantity(typeof v === 'number' ? String(v) : String(v ?? ''));
}

function decimalString(nano: bigint, format: Format): string {
  if (nano === 0n) return '0';
  let mantissa = nano;
  let exp = -9;
  while (mantissa % 1000n === 0n && exp < 18) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  const suffix = Object.keys(DECIMAL).find((k) => DECIMAL[k] === exp) ?? `e${exp}`;
  return `${mantissa}${suffix}`;
}

/** Quantity.String(): binary quantities below 1Ki or with a fraction print in decimal form. */
export function quantityString(q: Quantity): string {
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (q.format !== 'BinarySI' || abs < 1024n * NANO || q.nano % NANO !== 0n) {
    return decimalString(q.nano, q.format === 'BinarySI' ? 'DecimalSI' : q.format);
  }
  let units = q.nano / NANO;
  let exp = 0;
  while (units % 1024n === 0n && exp < BINARY.length - 1) {
    units /= 1024n;
    exp++;
  }
  return `${units}${BINARY[exp]}`;
}
