import { describe, expect, it } from 'vitest';
import { parseResourceArgs } from '../../src/resource/args.js';

const show = (args: string[]) => parseResourceArgs(args).requests.map((r) => `${r.type.plural}${r.name ? `/${r.name}` : ''}`);

describe('resource arguments', () => {
  it('resolves short names, singulars, kinds and group forms', () => {
    expect(show(['po'])).toEqual(['pods']);
    expect(show(['svc', 'whoami'])).toEqual(['services/whoami']);
    expect(show(['Deployment'])).toEqual(['deployments']);
    expect(show(['deployments.apps'])).toEqual(['deployments']);
    expect(show(['deploy/my-nginx', 'svc/my-nginx'])).toEqual(['deployments/my-nginx', 'services/my-nginx']);
    expect(show(['pod,svc', 'a'])).toEqual(['pods/a', 'services/a']);
    expect(show(['ep'])).toEqual(['endpoints']);
    expect(show(['ev'])).toEqual(['events']);
  });

  it('expands all to its category in discovery order', () => {
    expect(show(['all'])).toEqual([
      'pods',
      'replicationcontrollers',
      'services',
      'daemonsets',
      'deployments',
      'replicasets',
      'statefulsets',
      'horizontalpodautoscalers',
      'cronjobs',
      'jobs',
    ]);
  });

  it('rejects unknown types and mixed forms with kubectl wording', () => {
    expect(() => parseResourceArgs(['foo'])).toThrow('the server doesn\'t have a resource type "foo"');
    expect(() => parseResourceArgs(['pods', 'pod/x'])).toThrow(/there is no need to specify a resource type as a separate argument/);
  });
});
