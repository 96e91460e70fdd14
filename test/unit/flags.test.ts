import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../src/cli/flags.js';

const specs: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', description: '' },
  { name: 'output', short: 'o', type: 'string', description: '' },
  { name: 'stdin', short: 'i', type: 'bool', description: '' },
  { name: 'tty', short: 't', type: 'bool', description: '' },
  { name: 'replicas', type: 'int', description: '' },
  { name: 'show-labels', type: 'bool', description: '' },
  { name: 'filename', short: 'f', type: 'stringSlice', description: '' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: '' },
];

const parse = (argv: string[]) => parseFlags(argv, specs, 'kubectl get');

describe('pflag-style parsing', () => {
  it('takes flags anywhere and keeps positional order', () => {
    const p = parse(['pods', '-n', 'kube-system', 'x', '--show-labels']);
    expect(p.args).toEqual(['pods', 'x']);
    expect(p.flags.namespace).toBe('kube-system');
    expect(p.flags['show-labels']).toBe(true);
  });

  it('reads -ojsonpath=… and -o=yaml and --output=json', () => {
    expect(parse(["-ojsonpath={.spec.clusterIP}"]).flags.output).toBe('jsonpath={.spec.clusterIP}');
    expect(parse(['-o=yaml']).flags.output).toBe('yaml');
    expect(parse(['--output=json']).flags.output).toBe('json');
  });

  it('groups boolean shorthands (-it)', () => {
    const p = parse(['-it', 'sh']);
    expect([p.flags.stdin, p.flags.tty, p.args]).toEqual([true, true, ['sh']]);
  });

  it('keeps what follows -- apart', () => {
    const p = parse(['sleep', '--', 'nslookup', '-n', 'x']);
    expect(p.args).toEqual(['sleep']);
    expect(p.afterDash).toEqual(['nslookup', '-n', 'x']);
  });

  it('accumulates slices and applies NoOptDefVal', () => {
    const p = parse(['-f', 'a.yaml', '-f', 'b.yaml,c.yaml', '--dry-run']);
    expect(p.flags.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(p.flags['dry-run']).toBe('unchanged');
  });

  const errors: Array<[string[], string]> = [
    [['--foo'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--replicas=abc'], 'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--show-labels=x'], 'invalid argument "x" for "--show-labels" flag: strconv.ParseBool: parsing "x": invalid syntax'],
  ];
  for (const [argv, msg] of errors) {
    it(`rejects ${argv.join(' ')} as cobra does`, () => expect(() => parse(argv)).toThrow(msg));
  }
});
