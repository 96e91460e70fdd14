/**
 * `iptables` and `iptables-save` on a node (iptables v1.8.9, nf_tables variant, as on kind's Debian 12
 * nodes), over the rules the node's kube-proxy wrote (proxy-rules.ts). Read-only: listing (`-L`, `-S`)
 * works; changing rules is refused the way a rule update kube-proxy owns would need root's netlink.
 */
import type { ProxyRules, Table } from '../../network/proxy-rules.js';
import { ctime, iptablesList, iptablesSave, orderedChains, saveRule } from '../../network/iptables-save.js';
import type { Tool, ToolResult } from '../shell/interpreter.js';

const VERSION = 'iptables v1.8.9 (nf_tables)';
const fail = (stderr: string, exitCode: number): ToolResult => ({ stdout: '', stderr, exitCode });
const tryHelp = (msg: string) => fail(`${VERSION}: ${msg}\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);

function tableOf(rules: ProxyRules, name: string): Table | undefined {
  return name === 'nat' ? rules.nat : name === 'filter' ? rules.filter : name === 'mangle' ? rules.mangle : undefined;
}

/** `iptables -S [CHAIN]`: `-P`/`-N` lines for every listed chain first, then their `-A` rules. */
export function listRules(table: Table, chain?: string): string | undefined {
  const chains = orderedChains(table).filter((c) => chain === undefined || c.name === chain);
  if (chains.length === 0) return undefined;
  const heads = chains.map((c) => (c.policy ? `-P ${c.name} ${c.policy}` : `-N ${c.name}`));
  const rules = chains.flatMap((c) => c.rules.map((r) => `-A ${c.name} ${saveRule(r)}`));
  return [...heads, ...rules].join('\n') + '\n';
}

/** `iptables [-t TABLE] -L|-S [CHAIN] [-n] [--line-numbers]`. `rules()` builds the node's rules when needed. */
export function iptablesTool(rules: () => ProxyRules): Tool {
  return async (args) => {
    let table = 'filter';
    let command: 'L' | 'S' | undefined;
    let chain: string | undefined;
    let numeric = false;
    let lineNumbers = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const setCommand = (c: 'L' | 'S') => {
        if (command && command !== c) return false;
        command = c;
        if (args[i + 1] !== undefined && !args[i + 1].startsWith('-')) chain = args[++i];
        return true;
      };
      if (a === '--table') table = args[++i] ?? '';
      else if (a === '--list') {
        if (!setCommand('L')) return tryHelp('Illegal option `-L\' with this command');
      } else if (a === '--list-rules') {
        if (!setCommand('S')) return tryHelp('Illegal option `-S\' with this command');
      } else if (a === '--numeric') numeric = true;
      else if (a === '--line-numbers') lineNumbers = true;
      else if (a === '--verbose' || a === '--exact' || a === '-w' || a === '--wait') continue;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        for (let j = 1; j < a.length; j++) {
          const f = a[j];
          if (f === 't') {
            table = a.slice(j + 1) || args[++i] || '';
            break;
          } else if (f === 'n') numeric = true;
          else if (f === 'v' || f === 'x' || f === 'w') continue;
          else if (f === 'L' || f === 'S') {
            if (j < a.length - 1) {
              // `-Ln`: the flags after it in the same word, then a chain may follow.
              if (!setCommand(f)) return tryHelp(`Illegal option \`-${f}' with this command`);
              continue;
            }
            if (!setCommand(f)) return tryHelp(`Illegal option \`-${f}' with this command`);
          } else if ('ADIRNXPEFZ'.includes(f)) {
            return fail(`${VERSION}: Could not fetch rule set generation id: Permission denied (you must be root)\n`, 4);
          } else return tryHelp(`unknown option "${a}"`);
        }
      } else if (a.startsWith('-')) return tryHelp(`unrecognized option '${a}'`);
      else return tryHelp(`Bad argument \`${a}'`);
    }
    if (!command) return tryHelp('no command specified');
    const t = tableOf(rules(), table);
    if (!t) return fail(`${VERSION}: can't initialize iptables table \`${table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
    const out = command === 'L' ? iptablesList(t, numeric, chain, lineNumbers) : listRules(t, chain);
    if (out === undefined) return fail('iptables: No chain/target/match by that name.\n', 1);
    return { stdout: out, stderr: '', exitCode: 0 };
  };
}

/** `iptables-save [-t TABLE] [-c]`, dated with the simulated clock. */
export function iptablesSaveTool(rules: () => ProxyRules): Tool {
  return async (args, io) => {
    let table: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-t' || a === '--table') table = args[++i] ?? '';
      else if (a.startsWith('-t')) table = a.slice(2);
      else if (a.startsWith('--table=')) table = a.slice('--table='.length);
      else if (a === '-c' || a === '--counters') continue;
      else return fail(`iptables-save v1.8.9 (nf_tables): unknown option "${a}"\n`, 1);
    }
    const out = iptablesSave(rules(), ctime(new Date(io.now)), table);
    if (out === undefined) return fail('iptables-save: Table does not exist\n', 1);
    return { stdout: out, stderr: '', exitCode: 0 };
  };
}
