import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, CommandSpec } from '../../cli/command.js';
import { CliError, UsageError } from '../../errors.js';
import { OBJECT_FORMATS, parseOutputFormat } from '../../printers/output-format.js';
import { printingFlags } from '../flags.js';
import { simulatedKubeconfig } from './kubeconfig.js';

/**
 * `kubectl config view`: the kubeconfig of the simulated cluster, YAML by default. Certificate and key
 * data read DATA+OMITTED unless --raw or --flatten is given, as clientcmd's ShortenConfig does.
 */
export const command: CommandSpec = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Show the kubeconfig settings in effect, merged from every file that was loaded, or the contents of one file.

 Use --output jsonpath={...} to pick out single values.`,
  examples: `# Show merged kubeconfig settings
kubectl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
kubectl config view --raw

# Get the password for the e2e user
kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: 'config view [flags] [options]',
  flags: [
    ...printingFlags,
    { name: 'flatten', type: 'bool', description: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    // A tri-state flag in kubectl (unset, true, false); as a bool it parses and prints the same way.
    { name: 'merge', type: 'bool', default: true, description: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', description: 'Remove all information not used by current-context from the output' },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      default: 'yaml',
      description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    { name: 'raw', type: 'bool', description: 'Display raw byte data and sensitive data' },
  ],
  run: runView,
};

async function runView(ctx: CommandContext): Promise<void> {
  const f = ctx.parsed.flags;
  if (ctx.parsed.args.length) throw new UsageError(`unexpected arguments: [${ctx.parsed.args.join(' ')}]`, ctx.path);
  const format = parseOutputFormat(f.output as string, OBJECT_FORMATS, (p) => readFileSync(resolve(ctx.cwd, p), 'utf8'));
  // With an explicit --kubeconfig, merging defaults to off; without one it must stay on.
  const explicitFile = ctx.parsed.given.has('kubeconfig');
  const merge = ctx.parsed.given.has('merge') ? (f.merge as boolean) : !explicitFile;
  if (!merge && !explicitFile) throw new CliError('if merge==false a precise file must be specified');
  const session = await ctx.session();
  const requested = f.context as string;
  if (f.minify && requested && requested !== session.profile.contextName) throw new CliError(`cannot locate context ${requested}`);
  const doc = simulatedKubeconfig(session.profile, (f.raw as boolean) || (f.flatten as boolean));
  switch (format.kind) {
    case 'yaml': {
      const { toYaml } = await import('../../printers/serialize.js');
      ctx.io.out.write(toYaml(doc));
      return;
    }
    case 'json': {
      const { toJson } = await import('../../printers/json.js');
      ctx.io.out.write(toJson(doc, { sort: false }));
      return;
    }
    case 'name':
      // The Config object has no name; kubectl's name printer shows `<unknown>`.
      ctx.io.out.write('config/<unknown>\n');
      return;
    case 'jsonpath': {
      const jp = await import('../../printers/jsonpath/index.js');
      let t;
      try {
        t = jp.parseJsonPath(format.template);
      } catch (e) {
        if (e instanceof jp.JsonPathError) throw new CliError(jp.jsonPathParseErrorMessage(format.template, e.message));
        throw e;
      }
      try {
        ctx.io.out.write(format.asJson ? jp.executeJsonPathAsJson(t, doc) : jp.executeJsonPath(t, doc, { allowMissingKeys: f['allow-missing-template-keys'] as boolean }));
      } catch (e) {
        if (e instanceof jp.JsonPathError) throw new CliError(jp.jsonPathExecuteErrorMessage(format.template, e.message, doc));
        throw e;
      }
      return;
    }
    default:
      throw new CliError(`the output format "${f.output}" is not supported by kubectl config view`);
  }
}
