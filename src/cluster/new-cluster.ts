import { getProfile } from '../api/profiles.js';
import { CliError } from '../errors.js';
import type { State } from '../store/state.js';
import { DEFAULT_FROZEN_AT } from '../util/clock.js';
import { createClusterState } from './bootstrap.js';
import { clockFor } from './session.js';

export interface NewClusterOptions {
  profile?: string;
  kubectlVersion?: string;
  seed?: number;
  frozen?: boolean;
}

/** Builds a new cluster state from options and the environment (KUBESIM_SEED, KUBESIM_NOW, KUBESIM_PROFILE). */
export function newClusterState(env: NodeJS.ProcessEnv, o: NewClusterOptions = {}): State {
  const profileName = o.profile ?? env.KUBESIM_PROFILE ?? 'default';
  const profile = getProfile(profileName);
  if (!profile) throw new CliError(`unknown profile "${profileName}"`);
  const seedText = o.seed ?? env.KUBESIM_SEED;
  const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0) throw new CliError(`the seed must be a non-negative integer, not "${seedText}"`);
  const frozen = o.frozen ?? false;
  const now = frozen && !env.KUBESIM_NOW ? DEFAULT_FROZEN_AT : clockFor(env);
  return createClusterState({ profile, kubectlVersion: o.kubectlVersion ?? '1.32', seed, now, frozen });
}

