import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * One user's terminal: a persistent bash in which each step is `source`d, so variables, functions, the
 * working directory and files written by here-documents carry from step to step. Each step's stdout and
 * stderr go (interleaved, as a terminal shows them) to a file of its own and its stdin comes from a file;
 * bash's own stdout carries only a sentinel line with the step's exit status.
 */

export interface StepRun {
  /** Exit status; null when the step was killed after the timeout or the shell went away. */
  status: number | null;
  output: string;
  timedOut: boolean;
  /** The shell exited during the step (`exit` typed at top level): later steps get a fresh shell. */
  shellExited: boolean;
}

export interface TerminalOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A scratch directory for step scripts and outputs. */
  scratch: string;
  timeoutMs: number;
}

export class Terminal {
  private bash!: ChildProcess;
  private buffer = '';
  private waiting: ((line: string | null) => void) | undefined;
  private exited = false;
  private readonly token = randomBytes(8).toString('hex');
  private counter = 0;

  constructor(private readonly o: TerminalOptions) {
    this.start();
  }

  private start(): void {
    this.exited = false;
    this.buffer = '';
    // detached: bash leads its own process group, so a hung step can be ended without touching others.
    const bash = spawn('bash', ['--noprofile', '--norc'], { cwd: this.o.cwd, env: this.o.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.bash = bash;
    bash.stdout!.setEncoding('utf8');
    bash.stdout!.on('data', (d: string) => {
      this.buffer += d;
      this.deliver();
    });
    bash.stderr!.resume();
    bash.stdin!.on('error', () => {});
    bash.on('exit', () => {
      this.exited = true;
      const w = this.waiting;
      this.waiting = undefined;
      w?.(null);
    });
    bash.stdin!.write('shopt -s expand_aliases\n');
  }

  private deliver(): void {
    const marker = `__kubesim_lab_${this.token} `;
    const at = this.buffer.indexOf(marker);
    if (at < 0 || !this.waiting) return;
    const nl = this.buffer.indexOf('\n', at);
    if (nl < 0) return;
    const line = this.buffer.slice(at + marker.length, nl);
    this.buffer = this.buffer.slice(nl + 1);
    const w = this.waiting;
    this.waiting = undefined;
    w(line);
  }

  async run(command: string, stdin: string, extraEnv: Record<string, string> = {}): Promise<StepRun> {
    if (this.exited) this.start();
    const n = ++this.counter;
    const script = join(this.o.scratch, `step-${n}.sh`);
    const out = join(this.o.scratch, `step-${n}.out`);
    const inp = join(this.o.scratch, `step-${n}.in`);
    writeFileSync(script, `${command}\n`);
    writeFileSync(inp, stdin);
    writeFileSync(out, '');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const exports = Object.entries(extraEnv).map(([k, v]) => `${k}=${q(v)}`).join(' ');
    // Variables for one step only (KUBESIM_TRANSCRIPT) are exported around the `source` and unset after.
    const set = exports ? `export ${exports}; ` : '';
    const unset = exports ? `; unset ${Object.keys(extraEnv).join(' ')}` : '';
    const line = `${set}source ${q(script)} > ${q(out)} 2>&1 < ${q(inp)}; __kubesim_lab_rc=$?${unset}; printf '\\n__kubesim_lab_${this.token} %s\\n' "$__kubesim_lab_rc"\n`;
    const result = new Promise<string | null>((resolve) => (this.waiting = resolve));
    this.bash.stdin!.write(line);
    this.deliver();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.interrupt();
    }, this.o.timeoutMs);
    const rc = await result;
    clearTimeout(timer);
    const output = readFileSync(out, 'utf8');
    if (rc === null) {
      return { status: null, output, timedOut, shellExited: this.exited };
    }
    return { status: Number(rc), output, timedOut, shellExited: false };
  }

  /** Ends a step that does not finish: its processes first; if bash itself is stuck, bash too. */
  private interrupt(): void {
    const pid = this.bash.pid;
    if (pid === undefined) return;
    for (const child of descendants(pid)) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    setTimeout(() => {
      if (this.waiting && !this.exited) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }, 2000).unref();
  }

  /** Ends the shell, then whatever it left running in the background (`kubectl port-forward … &`). */
  close(): Promise<void> {
    const pid = this.bash.pid;
    const sweep = () => {
      try {
        if (pid) process.kill(-pid, 'SIGTERM');
      } catch {
        /* nothing left */
      }
    };
    if (this.exited) {
      sweep();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.exited && pid) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }, 5000);
      this.bash.on('exit', () => {
        clearTimeout(timer);
        sweep();
        resolve();
      });
      this.bash.stdin!.end('exit 0\n');
    });
  }
}

/** The processes below pid (children, grandchildren, …), deepest last. */
function descendants(pid: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const kids = new Map<number, number[]>();
  for (const row of table.trim().split('\n')) {
    const [p, pp] = row.trim().split(/\s+/).map(Number);
    if (!kids.has(pp)) kids.set(pp, []);
    kids.get(pp)!.push(p);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const k of kids.get(p) ?? []) {
      out.push(k);
      walk(k);
    }
  };
  walk(pid);
  return out;
}
