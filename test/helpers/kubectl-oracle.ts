import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliResult } from './cli.js';

/**
 * A real kubectl 1.32 as an offline oracle for commands that need a REST mapping (run, expose -f,
 * scale -f): they read the server's discovery documents, which kubectl caches on disk. A fresh cache
 * for `localhost:8080` (what kubectl talks to with no kubeconfig) in a throwaway HOME answers those
 * questions without any server; KUBECONFIG points nowhere, so nothing is ever contacted.
 */

export const KUBECTL_BIN = '/usr/bin/kubectl';
export const HAS_KUBECTL = existsSync(KUBECTL_BIN);

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const res = (name: string, kind: string, namespaced: boolean, shortNames: string[] = []) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs: VERBS, shortNames });

const CORE = [
  res('pods', 'Pod', true, ['po']),
  res('services', 'Service', true, ['svc']),
  res('replicationcontrollers', 'ReplicationController', true, ['rc']),
  res('configmaps', 'ConfigMap', true, ['cm']),
  res('nodes', 'Node', false, ['no']),
  res('namespaces', 'Namespace', false, ['ns']),
];
const APPS = [res('deployments', 'Deployment', true, ['deploy']), res('replicasets', 'ReplicaSet', true, ['rs']), res('statefulsets', 'StatefulSet', true, ['sts']), res('daemonsets', 'DaemonSet', true, ['ds'])];

/** A HOME whose ~/.kube/cache holds a discovery cache for core/v1 and apps/v1. */
export function oracleHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'kubesim-oracle-'));
  const base = join(home, '.kube', 'cache', 'discovery', 'localhost_8080');
  mkdirSync(join(base, 'v1'), { recursive: true });
  mkdirSync(join(base, 'apps', 'v1'), { recursive: true });
  const gv = (groupVersion: string, version: string) => ({ groupVersion, version });
  writeFileSync(
    join(base, 'servergroups.json'),
    JSON.stringify({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        { name: '', versions: [gv('v1', 'v1')], preferredVersion: gv('v1', 'v1') },
        { name: 'apps', versions: [gv('apps/v1', 'v1')], preferredVersion: gv('apps/v1', 'v1') },
      ],
    }),
  );
  writeFileSync(join(base, 'v1', 'serverresources.json'), JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'v1', resources: CORE }));
  writeFileSync(join(base, 'apps', 'v1', 'serverresources.json'), JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1', resources: APPS }));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Runs the real kubectl offline against the cached discovery. */
export function runOracle(args: string[], o: { home: string; cwd: string }): CliResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: o.home, KUBECONFIG: '/nonexistent' };
  const r = spawnSync(KUBECTL_BIN, args, { cwd: o.cwd, env, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
