import { existsSync, readFileSync } from 'node:fs';
import type { KubesimCommand } from './run.js';
import { profileNames } from '../api/profiles.js';
import { CliError } from '../errors.js';
import { StateFile, moveAside, stateDir, statePath } from '../store/file-store.js';
import { acquireLock } from '../store/lock.js';
import { clockFor } from '../cluster/session.js';
import { newClusterState } from '../cluster/new-cluster.js';
import { ObjectStore } from '../store/objects.js';
import { Rng } from '../util/rng.js';
import type { State } from '../store/state.js';
import { toTimestamp } from '../util/clock.js';

const createFlags = [
  { name: 'profile', type: 'string' as const, default: 'default', description: `The kind of cluster to simulate: ${profileNames().join(', ')}.` },
  { name: 'kubectl-version', type: 'string' as const, default: '1.32', description: 'The kubectl persona: 1.32 (default), or an older minor such as 1.17, whose `kubectl run` creates a Deployment.' },
  { name: 'seed', type: 'int' as const, default: -1, description: 'Seed for every random choice (name suffixes, IPs, endpoint picks). Defaults to KUBESIM_SEED or a random seed.' },
  { name: 'frozen-clock', type: 'bool' as const, description: 'Stop time: every command sees the same instant (KUBESIM_NOW, or 2025-01-01T00:00:00Z).' },
  { name: 'force', type: 'bool' as const, description: 'Replace a cluster that already exists in the state directory.' },
];

/** A kubectl persona kubesim can play (`1.10`–`1.32`), else a CliError. */
export function checkPersona(v: string): string {
  if (!/^1\.(1[0-9]|2[0-9]|3[0-2])$/.test(v)) throw new CliError(`unsupported --kubectl-version "${v}": use a kubectl minor version from 1.10 to 1.32, e.g. 1.32 or 1.17`);
  return v;
}

function describeCluster(s: State, dir: string): string {
  const nodes = Object.keys(s.objects).filter((k) => k.startsWith('Node/')).length;
  return `cluster "${s.cluster.name}" (profile ${s.cluster.profile}, ${nodes} node${nodes === 1 ? '' : 's'}, kubectl ${s.cluster.kubectlVersion}, seed ${s.cluster.seed}${s.cluster.frozenAt ? `, clock frozen at ${s.cluster.frozenAt}` : ''}) in ${dir}`;
}

const create: KubesimCommand = {
  path: 'cluster create',
  short: 'Create a simulated cluster in the state directory',
  usage: 'cluster create [--profile P] [--kubectl-version V] [--seed N] [--frozen-clock] [--force]',
  flags: createFlags,
  async run(_args, f, _given, o) {
    const dir = stateDir(o.env);
    const file = await StateFile.open(dir, { lock: true });
    try {
      if (file.state && !f.force) {
        throw new CliError(`a cluster already exists in ${dir}; run 'kubesim cluster reset' for a fresh one, or pass --force to replace it`);
      }
      const seed = (f.seed as number) >= 0 ? (f.seed as number) : undefined;
      const state = newClusterState(o.env, { profile: f.profile as string, kubectlVersion: checkPersona(f['kubectl-version'] as string), seed, frozen: f['frozen-clock'] as boolean });
      await file.save(state);
      o.io.out.write(`Created ${describeCluster(state, dir)}\n`);
    } finally {
      file.release();
    }
  },
};

const reset: KubesimCommand = {
  path: 'cluster reset',
  short: 'Replace the cluster with a fresh one of the same profile (a corrupt state file is set aside, not deleted)',
  usage: 'cluster reset',
  flags: [],
  async run(_args, _f, _given, o) {
    const dir = stateDir(o.env);
    const path = statePath(dir);
    let previous: State | undefined;
    if (existsSync(path)) {
      const lock = acquireLock(`${path}.lock`);
      try {
        try {
          previous = JSON.parse(readFileSync(path, 'utf8')) as State;
          if (!previous?.cluster?.profile) previous = undefined;
        } catch {
          previous = undefined;
        }
        if (!previous) {
          const aside = moveAside(path, toTimestamp(Date.now()).replace(/[:]/g, ''));
          o.io.err.write(`The unreadable state file was moved to ${aside}\n`);
        }
      } finally {
        lock.release();
      }
    }
    const file = await StateFile.open(dir, { lock: true });
    try {
      const c = previous?.cluster;
      const state = newClusterState(o.env, c ? { profile: c.profile, kubectlVersion: c.kubectlVersion, seed: c.seed, frozen: Boolean(c.frozenAt) } : {});
      await file.save(state);
      o.io.out.write(`Reset ${describeCluster(state, dir)}\n`);
    } finally {
      file.release();
    }
  },
};

const status: KubesimCommand = {
  path: 'cluster status',
  short: 'Show the simulated cluster: profile, persona, seed, clock and what it holds',
  usage: 'cluster status',
  flags: [],
  async run(_args, _f, _given, o) {
    const dir = stateDir(o.env);
    const file = await StateFile.open(dir, { lock: false });
    const s = file.state;
    if (!s) {
      o.io.out.write(`No cluster yet in ${dir}: the first kubectl command (or 'kubesim cluster create') creates one.\n`);
      return;
    }
    const store = new ObjectStore(s, () => clockFor(o.env, s.cluster.frozenAt), new Rng(s.cluster.rngState));
    const count = (kind: string) => store.list(kind).length;
    o.io.out.write(
      `Cluster:          ${s.cluster.name}\n` +
        `Profile:          ${s.cluster.profile}\n` +
        `kubectl persona:  ${s.cluster.kubectlVersion}\n` +
        `Seed:             ${s.cluster.seed}\n` +
        `Clock:            ${s.cluster.frozenAt ? `frozen at ${s.cluster.frozenAt}` : 'real time'}\n` +
        `Created:          ${s.cluster.createdAt}\n` +
        `State file:       ${file.path}\n` +
        `Nodes:            ${count('Node')}\n` +
        `Namespaces:       ${count('Namespace')}\n` +
        `Pods:             ${count('Pod')}\n` +
        `Services:         ${count('Service')}\n` +
        `Objects:          ${Object.keys(s.objects).length}\n`,
    );
  },
};

export const commands = [create, reset, status];
export { toTimestamp };
