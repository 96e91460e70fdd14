import { ShellReader } from './shell-syntax.js';
import { splitWords } from '../util/words.js';

/**
 * A walkthrough (Markdown) as the lab runner's steps. Fenced blocks labelled bash, sh, shell, console or
 * nothing hold commands; other fences (yaml, text, …) and prose are skipped.
 * - A block of plain lines is commands, with no documented output.
 * - A block whose first line starts with `$ ` is a terminal transcript: each `$ ` line (with its `> `
 *   continuation lines) is a command and the lines under it, up to the next `$ `, its documented output.
 * Blank lines and comments separate commands; a command runs on over `\` line ends, open quotes, here-
 * documents and compound commands as a shell would read it. `# this_will_fail` / `# this_could_fail` as
 * a comment line before a command or as its trailing comment mark a step that must / may fail.
 */

export type FailMarker = 'will' | 'could';

export interface Step {
  /** 1-based line of the command's first line in the file. */
  line: number;
  /** The text bash runs (several lines for continuations, here-documents and compound commands). */
  command: string;
  marker?: FailMarker;
  /** Documented output lines (absent: the document shows none, only the exit status is checked). */
  expected?: string[];
  /** Where the documented output sits in the file (0-based lines, [start, end)), for `--update`. */
  output?: { start: number; end: number; indent: string };
  /** `kubectl run/exec/attach -i …`: the typed lines (prompt removed) are fed to it on stdin. */
  interactive: boolean;
  typed: string[];
}

const LABELS = new Set(['', 'bash', 'sh', 'shell', 'console']);
const DOLLAR = /^\$(?: |$)/;

/**
 * Shell prompts inside an interactive session: `/ # `, `~ # `, `~ $ `, `/tmp # `, `root@pod:/# `,
 * `[ root@curl-131556218-9fnch:/ ]$ `. (`$ ` alone is handled by the caller: it also starts host commands.)
 */
const PROMPT = /^(?:[~/][^\s#$]* [#$]|[\w.-]+@[\w.-]+:[^\s#$]*[#$]|\[ [^\]]+ \][#$])(?: |$)/;

export function promptText(line: string): string | undefined {
  const m = PROMPT.exec(line);
  return m ? line.slice(m[0].length) : undefined;
}

/** The marker in comments, if any: `this_will_fail` wins over `this_could_fail`. */
export function markerOf(comments: string[]): FailMarker | undefined {
  if (comments.some((c) => /^this_will_fail\b/.test(c))) return 'will';
  if (comments.some((c) => /^this_could_fail\b/.test(c))) return 'could';
  return undefined;
}

/** `kubectl run|exec|attach` with stdin attached (`-i`, `--stdin`, `-it`, `-ti`, `-i --tty`, …). */
export function isInteractive(command: string): boolean {
  const words = splitWords(command.split('\n')[0].replace(/\\$/, ''));
  const k = words.findIndex((w) => w === 'kubectl' || w.endsWith('/kubectl'));
  if (k < 0) return false;
  const rest = words.slice(k + 1);
  const dash = rest.indexOf('--');
  const flags = dash < 0 ? rest : rest.slice(0, dash);
  if (!flags.some((w) => w === 'run' || w === 'exec' || w === 'attach')) return false;
  return flags.some((w) => w === '--stdin' || w === '--stdin=true' || /^-[itq]+$/.test(w) && w.includes('i'));
}

interface Fence {
  indent: string;
  marker: string;
  label: string;
}

function openFence(line: string): Fence | undefined {
  const m = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/.exec(line);
  return m ? { indent: m[1], marker: m[2], label: m[3].toLowerCase() } : undefined;
}

function closesFence(line: string, f: Fence): boolean {
  const t = line.trim();
  return t.startsWith(f.marker) && /^(`+|~+)$/.test(t) && t[0] === f.marker[0];
}

export function parseWalkthrough(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = openFence(lines[i]);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !closesFence(lines[end], fence)) end++;
    if (LABELS.has(fence.label)) {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(fence.indent) ? l.slice(fence.indent.length) : l.trimStart()));
      const first = body.find((l) => l.trim() !== '');
      const parsed = first !== undefined && DOLLAR.test(first) ? transcriptSteps(body) : plainSteps(body);
      for (const s of parsed) {
        s.line += i + 2;
        if (s.output) {
          s.output.start += i + 1;
          s.output.end += i + 1;
          s.output.indent = fence.indent;
        }
        steps.push(s);
      }
    }
    i = end;
  }
  return steps;
}

/** Reads one command starting at body[i]; `strip` removes a transcript's `> ` continuation prompt. */
function readCommand(body: string[], i: number, firstText: string, strip: boolean): { text: string; next: number; comments: string[] } {
  const reader = new ShellReader();
  const out = [firstText];
  reader.push(firstText);
  let j = i + 1;
  while (!reader.complete() && j < body.length) {
    const l = strip ? body[j].replace(/^> ?/, '') : body[j];
    out.push(l);
    reader.push(l);
    j++;
  }
  return { text: out.join('\n'), next: j, comments: reader.comments };
}

function plainSteps(body: string[]): Step[] {
  const steps: Step[] = [];
  let pending: FailMarker | undefined;
  let i = 0;
  while (i < body.length) {
    const l = body[i];
    if (l.trim() === '') {
      i++;
      continue;
    }
    if (l.trim().startsWith('#')) {
      pending = markerOf([l.trim().slice(1).trim()]) ?? pending;
      i++;
      continue;
    }
    const cmd = readCommand(body, i, l, false);
    const step: Step = { line: i, command: cmd.text, marker: markerOf(cmd.comments) ?? pending, interactive: isInteractive(cmd.text), typed: [] };
    pending = undefined;
    i = cmd.next;
    if (step.interactive) {
      // The lines typed into the session, written with their prompt (`/ # wget …`).
      for (let t = i < body.length ? promptText(body[i]) : undefined; t !== undefined; t = i < body.length ? promptText(body[i]) : undefined) {
        step.typed.push(t);
        i++;
      }
    }
    steps.push(step);
  }
  return steps;
}

function transcriptSteps(body: string[]): Step[] {
  const steps: Step[] = [];
  let pending: FailMarker | undefined;
  let i = 0;
  while (i < body.length) {
    if (!DOLLAR.test(body[i])) {
      i++; // lines under a comment, or before the first command
      continue;
    }
    const first = body[i].replace(DOLLAR, '');
    if (first.trim() === '' || first.trim().startsWith('#')) {
      if (first.trim().startsWith('#')) pending = markerOf([first.trim().slice(1).trim()]) ?? pending;
      i++;
      continue;
    }
    const cmd = readCommand(body, i, first, true);
    const step: Step = { line: i, command: cmd.text, marker: markerOf(cmd.comments) ?? pending, interactive: isInteractive(cmd.text), typed: [] };
    pending = undefined;
    let j = cmd.next;
    const start = j;
    if (step.interactive) j = sessionEnd(body, j, step.typed);
    else while (j < body.length && !DOLLAR.test(body[j])) j++;
    let end = j;
    while (end > start && body[end - 1].trim() === '') end--;
    step.expected = body.slice(start, end);
    step.output = { start, end, indent: '' };
    steps.push(step);
    i = j;
  }
  return steps;
}

/**
 * The documented output of an interactive command runs on while the session lasts: prompt lines are
 * typed lines. A `$ ` line is a typed line only when the session's prompt is `$ ` (seen by a later
 * `$ exit` before any other prompt); a typed `exit` ends the session.
 */
function sessionEnd(body: string[], j: number, typed: string[]): number {
  let style: 'dollar' | 'other' | undefined;
  let open = true;
  for (; j < body.length; j++) {
    const l = body[j];
    if (DOLLAR.test(l)) {
      if (!open) break;
      if (style === undefined) style = dollarSession(body, j) ? 'dollar' : 'other';
      if (style !== 'dollar') break;
      const t = l.replace(DOLLAR, '');
      typed.push(t);
      if (/^exit\b/.test(t.trim())) open = false;
      continue;
    }
    const t = open ? promptText(l) : undefined;
    if (t !== undefined) {
      style ??= 'other';
      typed.push(t);
      if (/^exit\b/.test(t.trim())) open = false;
    }
  }
  return j;
}

function dollarSession(body: string[], j: number): boolean {
  for (let k = j; k < body.length; k++) {
    if (promptText(body[k]) !== undefined) return false;
    if (/^\$ exit\b/.test(body[k])) return true;
  }
  return false;
}

/** The command as a report shows it: its first line, with ` …` when it runs on. */
export function commandTitle(step: Step): string {
  const lines = step.command.split('\n');
  return lines.length > 1 ? `${lines[0]} …` : lines[0];
}

/**
 * A walkthrough's own settings, in an HTML comment (invisible when rendered):
 * `<!-- kubesim-lab cwd: ..; profile: docker-desktop -->`. `cwd` is relative to the Markdown file, so the
 * file runs the same from any directory; the command line's --cwd / --profile win over them.
 */
export interface LabSettings {
  cwd?: string;
  profile?: string;
  /** The kubectl persona the file's cluster is created with (`kubectl-version: 1.17`). */
  kubectlVersion?: string;
}

export function labSettings(markdown: string): LabSettings {
  const m = /<!--\s*kubesim-lab\b([\s\S]*?)-->/.exec(markdown);
  const out: LabSettings = {};
  if (!m) return out;
  const keys: Record<string, keyof LabSettings> = { cwd: 'cwd', profile: 'profile', 'kubectl-version': 'kubectlVersion' };
  for (const part of m[1].split(/[;\n]/)) {
    const kv = /^\s*(cwd|profile|kubectl-version)\s*:\s*(.*?)\s*$/.exec(part);
    if (kv && kv[2]) out[keys[kv[1]]] = kv[2];
  }
  return out;
}
