import type { CommandSpec } from '../../cli/command.js';
import type { FlagSpec } from '../../cli/flags.js';
import { CliError } from '../../errors.js';

/**
 * The `kubectl config` subcommands that edit the kubeconfig file, which kubesim does not have. They
 * accept kubectl's flags (so that `set-context --current --namespace=x` reaches the explanation rather
 * than a flag error) and then say they are not simulated.
 */

const s = (name: string, description = ''): FlagSpec => ({ name, type: 'string', description });
const b = (name: string, description = ''): FlagSpec => ({ name, type: 'bool', description });
const a = (name: string, description = ''): FlagSpec => ({ name, type: 'stringArray', description });

const FLAGS: Record<string, FlagSpec[]> = {
  'set-context': [b('current', 'Modify the current context')],
  'set-cluster': [b('embed-certs', 'embed-certs for the cluster entry in kubeconfig'), s('proxy-url', 'proxy-url for the cluster entry in kubeconfig')],
  'set-credentials': [
    s('auth-provider', 'Auth provider for the user entry in kubeconfig'),
    a('auth-provider-arg', "'key=value' arguments for the auth provider"),
    b('embed-certs', 'Embed client cert/key for the user entry in kubeconfig'),
    s('exec-api-version', 'API version of the exec credential plugin for the user entry in kubeconfig'),
    a('exec-arg', 'New arguments for the exec credential plugin command for the user entry in kubeconfig'),
    s('exec-command', 'Command for the exec credential plugin for the user entry in kubeconfig'),
    a('exec-env', "'key=value' environment values for the exec credential plugin"),
    s('exec-interactive-mode', 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig'),
    b('exec-provide-cluster-info', 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig'),
  ],
  set: [b('set-raw-bytes', 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.')],
};

/** A subcommand that only explains that kubeconfig editing is not simulated. */
export function unsupportedCommand(name: string, short: string): CommandSpec {
  return {
    name,
    short,
    usage: `config ${name} [options]`,
    flags: FLAGS[name] ?? [],
    async run() {
      throw new CliError(`kubectl config ${name} is not simulated: kubesim has a single fixed kubeconfig context for its simulated cluster`);
    },
  };
}
