/**
 * The parts of Go's strconv package that go-yaml v2 leans on: ParseInt / ParseUint (base 0 and 2, as
 * resolve.go calls them), ParseFloat's acceptance of ".5"-style text, and FormatFloat(f, 'g', -1, 64),
 * which is how go-yaml encodes a float64.
 */

// The int64 / uint64 range: go-yaml decodes a JSON number as int, then uint64, else float64.
/** math.MinInt64. */
export const INT64_MIN = -(2n ** 63n);
/** math.MaxInt64. */
export const INT64_MAX = 2n ** 63n - 1n;
/** math.MaxUint64. */
export const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseUint(s, base, 64) for base 0 or 2 (s has no underscores); undefined where Go returns an error. */
export function goParseUint(s: string, base: 0 | 2): bigint | undefined {
  if (s === '') return undefined;
  let b = 10;
  let digits = s;
  if (base === 2) b = 2;
  else if (s[0] === '0') {
    const p = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (p === 'b') [b, digits] = [2, s.slice(2)];
    else if (p === 'o') [b, digits] = [8, s.slice(2)];
    else if (p === 'x') [b, digits] = [16, s.slice(2)];
    else [b, digits] = [8, s.slice(1)];
  }
  let n = 0n;
  const bb = BigInt(b);
  for (const ch of digits) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b) return undefined;
    n = n * bb + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  return n;
}

/** strconv.ParseInt(s, base, 64); undefined where Go returns an error (syntax or range). */
export function goParseInt(s: string, base: 0 | 2): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  let rest = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    rest = s.slice(1);
  }
  const u = goParseUint(rest, base);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** strconv.ParseFloat(s, 64) succeeds, for a string starting with '.'. */
export function goParseFloatOk(s: string): boolean {
  if (!/^\.[0-9_]*[0-9][0-9_]*([eE][-+]?[0-9][0-9_]*)?$/.test(s)) return false;
  if (s.includes('_') && !underscoreOk(s)) return false;
  return Number.isFinite(Number(s.replace(/_/g, '')));
}

/** Go's strconv underscoreOK: underscores only between digits. */
function underscoreOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1]!.toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1]!.toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * Go's strconv.FormatFloat(f, 'g', -1, 64): the shortest digits that round-trip, in %e form when the
 * decimal exponent is below -4 or at least 6 (Go's eprec for the shortest precision), with a two-digit
 * signed exponent ("1e+06").
 */
export function formatFloatG(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  let body: string;
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    body =
      digits[0] +
      (digits.length > 1 ? '.' + digits.slice(1) : '') +
      'e' +
      (exp < 0 ? '-' : '+') +
      (e < 10 ? '0' + e : String(e));
  } else {
    const dp = exp + 1;
    if (dp <= 0) body = '0.' + '0'.repeat(-dp) + digits;
    else if (dp >= digits.length) body = digits + '0'.repeat(dp - digits.length);
    else body = digits.slice(0, dp) + '.' + digits.slice(dp);
  }
  return neg ? '-' + body : body;
}
