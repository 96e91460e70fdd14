import { FlagError } from '../errors.js';

/**
 * A pflag-style parser, because kubectl's flag grammar is cobra's: flags anywhere among the arguments,
 * `--name=value` and `--name value`, `-n value`, `-nvalue`, `-ojson`, grouped booleans `-it`, `--`
 * ending flags, bool flags only taking `--x=false`, and cobra's exact error texts.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Default shown in help (`--replicas=0:`) and returned when the flag is absent. */
  default?: string | number | boolean | string[];
  description: string;
  /** Value used when the flag is given without `=value` (pflag's NoOptDefVal), for non-bool flags. */
  noOptDefault?: string;
  hidden?: boolean;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedArgs {
  flags: Record<string, FlagValue>;
  /** Flags the user actually gave. */
  given: Set<string>;
  /** Positional arguments before `--`. */
  args: string[];
  /** Everything after `--` (undefined when there was no `--`). */
  afterDash?: string[];
}

export function defaultOf(spec: FlagSpec): FlagValue {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  switch (spec.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    case 'duration':
      return '0s';
    default:
      return '';
  }
}

function parseBool(v: string, spec: FlagSpec): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw new Error(`invalid argument "${v}" for "${flagLabel(spec)}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
}

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Splits a stringSlice value as pflag does (CSV, so `"a,b"` quoting works). */
function splitCsv(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of v) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function assign(out: ParsedArgs, spec: FlagSpec, raw: string): void {
  switch (spec.type) {
    case 'bool':
      out.flags[spec.name] = parseBool(raw, spec);
      break;
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new Error(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      out.flags[spec.name] = Number(raw);
      break;
    }
    case 'duration':
      if (!/^([+-]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$|^0$/.test(raw)) {
        throw new Error(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: time: invalid duration "${raw}"`);
      }
      out.flags[spec.name] = raw;
      break;
    case 'stringArray': {
      const cur = out.given.has(spec.name) ? (out.flags[spec.name] as string[]) : [];
      out.flags[spec.name] = [...cur, raw];
      break;
    }
    case 'stringSlice': {
      const cur = out.given.has(spec.name) ? (out.flags[spec.name] as string[]) : [];
      out.flags[spec.name] = [...cur, ...splitCsv(raw)];
      break;
    }
    default:
      out.flags[spec.name] = raw;
  }
  out.given.add(spec.name);
}

/**
 * Parses argv against the flags a command accepts. `commandPath` names the command in errors
 * (`kubectl get`). With `interspersed: false` the first positional argument ends flag parsing
 * (used by `exec`/`run` style commands after their name arguments, like cobra's SetInterspersed).
 */
export function parseFlags(argv: string[], specs: FlagSpec[], commandPath: string, opts: { interspersed?: boolean } = {}): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedArgs = { flags: {}, given: new Set(), args: [] };
  for (const s of specs) out.flags[s.name] = defaultOf(s);
  const fail = (msg: string): never => {
    throw new FlagError(msg, commandPath);
  };
  const interspersed = opts.interspersed ?? true;

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.afterDash = argv.slice(i + 1);
      break;
    }
    if (!interspersed && out.args.length > 0) {
      out.args.push(a);
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) fail(`unknown flag: --${name}`);
      try {
        if (eq >= 0) assign(out, spec!, a.slice(eq + 1));
        else if (spec!.type === 'bool') assign(out, spec!, 'true');
        else if (spec!.noOptDefault !== undefined) assign(out, spec!, spec!.noOptDefault);
        else if (i + 1 < argv.length) assign(out, spec!, argv[++i]);
        else fail(`flag needs an argument: --${name}`);
      } catch (e) {
        if (e instanceof FlagError) throw e;
        fail((e as Error).message);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // Shorthand group: -it, -n ns, -nns, -o=json, -ojson.
      const body = a.slice(1);
      for (let j = 0; j < body.length; j++) {
        const c = body[j];
        const spec = byShort.get(c);
        if (!spec) fail(`unknown shorthand flag: '${c}' in -${body.slice(j)}`);
        const rest = body.slice(j + 1);
        try {
          if (spec!.type === 'bool') {
            if (rest.startsWith('=')) {
              assign(out, spec!, rest.slice(1));
              break;
            }
            assign(out, spec!, 'true');
            continue;
          }
          if (rest.startsWith('=')) assign(out, spec!, rest.slice(1));
          else if (rest.length > 0) assign(out, spec!, rest);
          else if (spec!.noOptDefault !== undefined) assign(out, spec!, spec!.noOptDefault);
          else if (i + 1 < argv.length) assign(out, spec!, argv[++i]);
          else fail(`flag needs an argument: '${c}' in -${c}`);
        } catch (e) {
          if (e instanceof FlagError) throw e;
          fail((e as Error).message);
        }
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

/** Help text for one flag, in kubectl's layout (`    -o, --output='':` then a tab-indented description). */
export function formatFlagHelp(spec: FlagSpec): string {
  const names = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  const d = defaultOf(spec);
  let shown: string;
  if (spec.type === 'string') shown = `'${d}'`;
  else if (Array.isArray(d)) shown = `[${d.join(',')}]`;
  else shown = String(d);
  return `    ${names}=${shown}:\n\t${spec.description}\n`;
}
