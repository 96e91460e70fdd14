/**
 * echo and printf: backslash escapes (echo -e, printf %b and formats) and the printf formatter. Pure.
 */

export function echoBuiltin(args: string[], out: (s: string) => void): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let s = args.slice(i).join(' ');
  if (escapes) {
    const r = unescape(s, true);
    s = r.text;
    if (r.stop) {
      out(s);
      return 0;
    }
  }
  out(s + (newline ? '\n' : ''));
  return 0;
}

/** Backslash escapes of echo -e / printf %b (echoStyle: `\0nnn` octal) and printf formats (`\nnn`). */
function unescape(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const n = s[++i];
    const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in map) text += map[n];
    else if (n === 'c') return { text, stop: true };
    else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      text += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else if (/[0-7]/.test(n) && (echoStyle ? n === '0' : true)) {
      const m = /^[0-7]{0,3}/.exec(s.slice(echoStyle ? i + 1 : i))![0];
      text += String.fromCharCode(parseInt(m || '0', 8) & 255);
      i += echoStyle ? m.length : m.length - 1;
    } else if (!echoStyle && (n === '"' || n === "'")) text += n;
    else text += '\\' + n;
  }
  return { text, stop: false };
}

export function formatPrintf(format: string, args: string[]): { out: string; errors: string[] } {
  let out = '';
  const errors: string[] = [];
  let ai = 0;
  const nextArg = () => (ai < args.length ? args[ai++] : undefined);
  const toNum = (a: string | undefined): number => {
    if (a === undefined || a === '') return 0;
    let s = a.trim();
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    let neg = false;
    if (/^[-+]/.test(s)) {
      neg = s[0] === '-';
      s = s.slice(1);
    }
    let n: number;
    if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s, 16);
    else if (/^0[0-7]+$/.test(s)) n = parseInt(s, 8);
    else if (/^\d+$/.test(s)) n = parseInt(s, 10);
    else {
      errors.push(`invalid number '${a}'`);
      const m = /^\d+/.exec(s);
      n = m ? Number(m[0]) : 0;
    }
    return neg ? -n : n;
  };
  const toFloat = (a: string | undefined): number => {
    if (a === undefined || a === '') return 0;
    const n = Number(a);
    if (Number.isNaN(n)) {
      errors.push(`invalid number '${a}'`);
      return 0;
    }
    return n;
  };
  const pad = (s: string, flags: string, width: number | undefined, numeric: boolean): string => {
    if (width === undefined || s.length >= width) return s;
    if (flags.includes('-')) return s + ' '.repeat(width - s.length);
    if (flags.includes('0') && numeric) {
      const sign = /^[-+ ]/.test(s) ? s[0] : '';
      const body = sign ? s.slice(1) : s;
      return sign + '0'.repeat(width - s.length) + body;
    }
    return ' '.repeat(width - s.length) + s;
  };
  let first = true;
  while (first || (ai < args.length && ai > 0)) {
    const startAi = ai;
    first = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|[\s\S])/.exec(format.slice(i))![0];
        const r = unescape(m, false);
        out += r.text;
        if (r.stop) return { out, errors };
        i += m.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const flags = m[1];
      const width = m[2] === '*' ? toNum(nextArg()) : m[2] !== undefined ? Number(m[2]) : undefined;
      const prec = m[3] === '*' ? toNum(nextArg()) : m[3] !== undefined ? Number(m[3] || '0') : undefined;
      const conv = m[4];
      const sign = (n: number, s: string) => (n >= 0 ? (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s : s);
      switch (conv) {
        case '%':
          out += '%';
          break;
        case 's': {
          let s = nextArg() ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, flags, width, false);
          break;
        }
        case 'b': {
          const r = unescape(nextArg() ?? '', true);
          out += pad(r.text, flags, width, false);
          if (r.stop) return { out, errors };
          break;
        }
        case 'c':
          out += pad((nextArg() ?? '').slice(0, 1), flags, width, false);
          break;
        case 'd':
        case 'i': {
          const n = toNum(nextArg());
          let s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          out += pad(n < 0 ? '-' + s : sign(n, s), prec !== undefined ? flags.replace('0', '') : flags, width, true);
          break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
          let n = toNum(nextArg());
          if (n < 0) n = 2 ** 64 + n;
          let s = conv === 'o' ? n.toString(8) : conv === 'u' ? String(n) : n.toString(16);
          if (conv === 'X') s = s.toUpperCase();
          if (prec !== undefined) s = s.padStart(prec, '0');
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
          out += pad(s, flags, width, true);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = toFloat(nextArg());
          const p = prec ?? 6;
          let s: string;
          if (conv === 'f' || conv === 'F') s = Math.abs(n).toFixed(p);
          else if (conv === 'e' || conv === 'E') s = Math.abs(n).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          else {
            s = String(Number(Math.abs(n).toPrecision(p || 1)));
            if (/e/.test(s)) s = s.replace(/e([+-])(\d)$/, 'e$10$2');
          }
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          out += pad(n < 0 ? '-' + s : sign(n, s), flags, width, true);
          break;
        }
        default:
          errors.push(`%${conv}: invalid format`);
          return { out, errors };
      }
    }
    if (ai === startAi) break;
  }
  return { out, errors };
}
