/**
 * The shell interpreter's types: the public contract with simulated tools (ToolIO, Tool, ToolRegistry) and
 * callers (ShellContext, ShellSession, ShellResult), the internal file-descriptor table a command runs
 * with, and the fresh-session factory.
 */
import type { Command } from './parser.js';
import type { VirtualFs } from './vfs.js';

/** A piece of a program's output on stdout (1) or stderr (2). */
export interface OutputChunk {
  fd: 1 | 2;
  text: string;
}

export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Optional: stdout and stderr in the order the program wrote them (a terminal or a `2>&1` capture
   * shows that interleaving). When present, the fd-1 texts joined equal `stdout` and the fd-2 texts
   * `stderr`; without it a writer emits all of stdout, then all of stderr.
   */
  chunks?: OutputChunk[];
}

export interface ToolIO {
  stdin: string;
  /** The exported environment the tool runs with. */
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFs;
  /** The name the tool was invoked by (argv[0]). */
  argv0: string;
  shellName: ShellName;
  /** Simulated wall clock in epoch milliseconds. */
  now: number;
  hostname?: string;
  /** Advances the simulated clock; never sleeps for real. */
  sleep(seconds: number): void;
}

/** A simulated program: `args` excludes argv[0] (that is `io.argv0`). */
export type Tool = (args: string[], io: ToolIO) => Promise<ToolResult>;
export type ToolRegistry = Map<string, Tool>;
export type ShellName = 'sh' | 'ash' | 'bash';

/** What persists between runScript calls of one interactive session. */
export interface ShellSession {
  unexported: Set<string>;
  functions: Map<string, Command>;
  lastStatus: number;
  errexit: boolean;
  xtrace: boolean;
}

export interface ShellContext {
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFs;
  tools: ToolRegistry;
  stdin: string;
  shellName: ShellName;
  argv0?: string;
  args?: string[];
  /** Where each tool lives for `type` / `command -v` (default `/bin/NAME`). */
  toolPaths?: Record<string, string>;
  hostname?: string;
  /** The shell's pid for `$$` (default 1). */
  pid?: number;
  /** Simulated epoch milliseconds; `sleep` advances it. */
  now?: number;
  session?: ShellSession;
  /** The shell's stdout is a terminal (`kubectl exec -t`, an interactive session). */
  tty?: boolean;
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were written. */
  output: string;
  /** The same interleaving, each piece tagged with the fd it went to. */
  chunks: OutputChunk[];
  exitCode: number;
  /**
   * The script ended the shell itself: an `exit` ran at its top level (not in a subshell, a pipeline
   * stage or `$(…)`), `exec PROGRAM` replaced it, or a command failed under `set -e`. A syntax error or
   * another shell error ends a script too but not an interactive shell, so it leaves this false.
   */
  exited: boolean;
  /** Simulated milliseconds spent sleeping. */
  sleptMs: number;
}

/** An output file descriptor: stdout, stderr, a pipe or a redirected file. */
export interface Out {
  write(s: string): void;
  /** The shell's own stdout when that is a terminal (programs' stdio then flushes line by line). */
  isTTY?: boolean;
}
/** An input file descriptor: what is left of `data` from `pos` on. */
export interface In {
  data: string;
  pos: number;
}
export interface Fds {
  0: In;
  1: Out;
  2: Out;
}

/** One field of an expanded word: its text, the same as a glob pattern (quoted characters escaped), and whether it globs. */
export interface Field {
  value: string;
  pattern: string;
  glob: boolean;
}

export function newSession(): ShellSession {
  return { unexported: new Set(), functions: new Map(), lastStatus: 0, errexit: false, xtrace: false };
}
