/**
 * apimachinery's string-format checks (k8s.io/apimachinery/pkg/util/validation, 1.32): each returns the
 * list of messages the API server attaches to an `Invalid value` error, empty when the value is fine.
 */
import ipaddr from 'ipaddr.js';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const PERCENT_FMT = '[0-9]+%';
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;

const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = anchored(DNS1035_LABEL_FMT);
const QUALIFIED_NAME = anchored(QUALIFIED_NAME_FMT);
const LABEL_VALUE = anchored(LABEL_VALUE_FMT);
const CONFIG_MAP_KEY = anchored(CONFIG_MAP_KEY_FMT);
const PERCENT = anchored(PERCENT_FMT);
const WILDCARD = anchored(WILDCARD_FMT);

/**
 * apimachinery's RegexError. Note the doubled space between examples: Go appends `"'x', "` per example
 * and `" or "` between them, giving `'a',  or 'b', regex used …`.
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  const ex = examples.map((e) => `'${e}', `).join(' or ');
  return `${msg} (e.g. ${ex}regex used for validation is '${fmt}')`;
}

/** `must be no more than N characters`. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** UTF-8 byte length, which is what Go's len() measures. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** The check most formats make: at most `max` bytes, and a full match of `re`, else `message()`. */
function boundedMatch(v: string, max: number, re: RegExp, message: () => string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > max) errs.push(maxLenError(max));
  if (!re.test(v)) errs.push(message());
  return errs;
}

/** A lowercase RFC 1123 label (container names, port names, namespace names). */
export function isDNS1123Label(v: string): string[] {
  return boundedMatch(v, 63, DNS1123_LABEL, () =>
    // A valid subdomain that is not a valid label can only be failing because of its dots.
    DNS1123_SUBDOMAIN.test(v)
      ? 'must not contain dots'
      : regexError(
          'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character',
          DNS1123_LABEL_FMT,
          'my-name',
          '123-abc',
        ),
  );
}

/** A lowercase RFC 1123 subdomain (most object names). */
export function isDNS1123Subdomain(v: string): string[] {
  return boundedMatch(v, 253, DNS1123_SUBDOMAIN, () =>
    regexError(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      DNS1123_SUBDOMAIN_FMT,
      'example.com',
    ),
  );
}

/** A DNS-1035 label (Service names). */
export function isDNS1035Label(v: string): string[] {
  return boundedMatch(v, 63, DNS1035_LABEL, () =>
    regexError(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
      DNS1035_LABEL_FMT,
      'my-name',
      'abc-123',
    ),
  );
}

/** `*.example.com` (Ingress hosts with a wildcard). */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  return boundedMatch(v, 253, WILDCARD, () =>
    regexError(
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
      WILDCARD_FMT,
      '*.example.com',
    ),
  );
}

const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** A qualified name (label keys, annotation keys, finalizers): `[prefix/]name`. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      'a qualified name ' +
        regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name)) {
    errs.push('name part ' + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc'));
  }
  return errs;
}

/** A label value: empty, or a ≤63-character qualified-name-like string. */
export function isLabelValue(v: string): string[] {
  return boundedMatch(v, 63, LABEL_VALUE, () =>
    regexError(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      LABEL_VALUE_FMT,
      'MyValue',
      'my_value',
      '12345',
    ),
  );
}

/** A ConfigMap/Secret data key. */
export function isConfigMapKey(v: string): string[] {
  const errs = boundedMatch(v, 253, CONFIG_MAP_KEY, () =>
    regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'),
  );
  if (v === '.') errs.push("must not be '.'");
  else if (v === '..') errs.push("must not be '..'");
  else if (v.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** A port number in 1–65535. */
export function isValidPortNum(n: number): string[] {
  return n >= 1 && n <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** An IANA_SVC_NAME: ≤15 chars of [-a-z0-9], at least one letter, no leading/trailing/double hyphen. */
export function isValidPortName(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(v)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)');
  if (v.includes('--')) errs.push('must not contain consecutive hyphens');
  if (v.length > 0 && (v.startsWith('-') || v.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** `25%`-style percentages (rolling-update parameters). */
export function isValidPercent(v: string): string[] {
  return PERCENT.test(v)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

/** Env var names under 1.32's default RelaxedEnvironmentVariableValidation: printable ASCII except '='. */
export function isEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (v.length === 0) errs.push('environment variable name must be non-empty');
  if (/[^\x20-\x7e]|=/.test(v)) {
    errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
  }
  return errs;
}

/** Go's net.ParseIP (sloppy: IPv4 parts may have leading zeros). */
export function parseableIP(v: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return v.split('.').every((p) => Number(p) <= 255);
  return !v.includes('%') && v.includes(':') && ipaddr.IPv6.isValid(v);
}

/** `must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)` unless `v` parses. */
export function isValidIP(v: string): string[] {
  return parseableIP(v) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** `must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)` unless `v` parses. */
export function isValidCIDR(v: string): string[] {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(v);
  const ok = !!m && parseableIP(m[1]) && Number(m[2]) <= (m[1].includes(':') ? 128 : 32);
  return ok ? [] : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
}

/** apimachinery's NameIs* functions: with `prefix` (generateName) a trailing '-' is allowed. */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}
