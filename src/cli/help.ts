import type { CommandSpec } from './command.js';
import { formatFlagHelp } from './flags.js';
import type { VerbEntry } from './verbs.js';

/** `kubectl <verb> --help`, laid out as kubectl lays it out: description, Examples, Options, Usage. */
export function commandHelp(spec: CommandSpec, path: string): string {
  let s = `${spec.long ?? spec.short}\n\n`;
  if (spec.aliases?.length) s += `Aliases:\n${[spec.name, ...spec.aliases].join(', ')}\n\n`;
  if (spec.examples) s += `Examples:\n${spec.examples.replace(/^/gm, '  ').replace(/^ +$/gm, '  ')}\n\n`;
  if (spec.subcommands?.length) {
    s += 'Available Commands:\n';
    // cobra pads command names to max(11, longest) plus the three spaces of its template.
    const w = Math.max(11, ...spec.subcommands.map((c) => c.name.length)) + 3;
    for (const c of spec.subcommands) s += `  ${c.name.padEnd(w)}${c.short}\n`;
    s += '\n';
  }
  const flags = (spec.flags ?? []).filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length) s += `Options:\n${flags.map(formatFlagHelp).join('\n')}\n`;
  s += `Usage:\n  kubectl ${spec.usage}\n\n`;
  if (spec.subcommands?.length) s += `Use "${path} <command> --help" for more information about a given command.\n`;
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}

/** `kubectl` with no arguments, or `kubectl --help`. */
export function rootHelp(verbs: VerbEntry[]): string {
  let s = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  const groups: string[] = [];
  for (const v of verbs) if (!groups.includes(v.group)) groups.push(v.group);
  for (const g of groups) {
    s += `\n${g}\n`;
    for (const v of verbs.filter((x) => x.group === g)) s += `  ${v.name.padEnd(16)}${v.short}\n`;
  }
  s += '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}
