import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostPort } from '../network/host-ports.js';
import { processAlive } from '../store/lock.js';

/** What `kubesim agent status` reads: the agent's pid and each host port it holds or could not take. */
export interface AgentStatus {
  pid: number;
  startedAt: string;
  ports: Array<HostPort & { state: 'listening' | 'conflict'; error?: string }>;
}

export const pidPath = (dir: string) => join(dir, 'agent.pid');
export const statusPath = (dir: string) => join(dir, 'agent.json');

/** Whether a process with this pid exists. */
export const isAlive = processAlive;


/** The pid in the pid file, when that process is alive; a stale file reads as undefined. */
export function runningAgent(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidPath(dir), 'utf8').trim());
    return isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function readStatus(dir: string): AgentStatus | undefined {
  try {
    return JSON.parse(readFileSync(statusPath(dir), 'utf8')) as AgentStatus;
  } catch {
    return undefined;
  }
}

/** Writes a file whole (temp file + rename) so readers never see half of it. */
export function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Removes the pid and status files if they are this process's. */
export function removeOwnFiles(dir: string, pid: number): void {
  try {
    if (Number(readFileSync(pidPath(dir), 'utf8').trim()) !== pid) return;
  } catch {
    return;
  }
  rmSync(pidPath(dir), { force: true });
  if (existsSync(statusPath(dir))) rmSync(statusPath(dir), { force: true });
}
