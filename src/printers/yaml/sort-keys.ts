/**
 * go-yaml v2's map key order (sorter.go, keyList.Less) for string keys: a "natural" order in which
 * letters sort before other characters and runs of digits compare as numbers.
 */

/** A key as keyList.Less walks it: the string itself when every code point is one UTF-16 unit, else its code points. */
type Runes = string | string[];

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
/** unicode.IsLetter. */
const isLetter = (c: string): boolean =>
  c < '\u0080' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : LETTER.test(c);
/** unicode.IsDigit. */
const isDigit = (c: string): boolean => (c < '\u0080' ? c >= '0' && c <= '9' : DIGIT.test(c));

function runes(s: string): Runes {
  return /[\ud800-\udfff]/.test(s) ? Array.from(s) : s;
}

/**
 * go-yaml v2's keyList.Less for two string keys: letters sort before other characters, runs of digits
 * compare as numbers. Not a strict weak order: for some key sets ("0X1f" < "1" < "09" < "0X1f") kubectl's
 * order changes from run to run.
 */
export function keyLess(a: string, b: string): boolean {
  return lessRunes(runes(a), runes(b));
}

/**
 * `items` in go-yaml's order of their keys (sort.Sort(keyList) in encode.go mapv). Since keyLess is not a
 * strict weak order the result depends on the sorting algorithm; this is always the same one (Array#sort
 * on the items in the order given), so output is at least deterministic.
 */
export function sortByKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ seq: runes(keyOf(item)), item }));
  keyed.sort((a, b) => (lessRunes(a.seq, b.seq) ? -1 : lessRunes(b.seq, a.seq) ? 1 : 0));
  return keyed.map((x) => x.item);
}

function lessRunes(ar: Runes, br: Runes): boolean {
  if (ar === br) return false;
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    // Digit runs compare as numbers. When either side has a '0' here after non-zero digits of the same
    // run, both numbers start from 1, so that zero is a digit and not leading padding.
    let an = 0n;
    let bn = 0n;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    // Go accumulates in an int64, so long runs wrap around.
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) {
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    }
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) {
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    }
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}
