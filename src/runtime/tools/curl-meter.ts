/**
 * curl's progress meter as it appears when stdout is not a terminal and -s is not given (always the case
 * under `kubectl exec` without -t): two header lines, then rows rewritten in place with `\r`, the last one
 * ended by a newline when the transfer finishes.
 */
export const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curl's max5data(): a byte count in at most five characters. */
export function size5(bytes: number): string {
  const KB = 1024;
  const MB = KB * KB;
  if (bytes < 100000) return String(Math.floor(bytes)).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
}

/** curl's time2str(): `--:--:--` when unknown, else H:MM:SS in eight characters. */
function time8(seconds?: number): string {
  if (seconds === undefined) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export interface MeterRow {
  /** Expected total (download + upload) in bytes, 0 when unknown. */
  total: number;
  down: number;
  up: number;
  /** Whole seconds spent, when at least one has passed. */
  spent?: number;
  /** Average speeds, bytes per second. */
  downSpeed: number;
  upSpeed: number;
  /** The transfer finished (percentages are 100 where something was expected). */
  done: boolean;
}

export function meterRow(r: MeterRow): string {
  const pct = (part: number, whole: number) => String(whole > 0 && r.done ? Math.floor((part * 100) / whole) : 0).padStart(3);
  const totalPct = r.done && r.total > 0 ? 100 : 0;
  return (
    `\r${String(totalPct).padStart(3)} ${size5(r.total)}  ${pct(r.down, r.down)} ${size5(r.down)}  ${pct(r.up, r.up)} ${size5(r.up)}  ` +
    `${size5(r.downSpeed)}  ${size5(r.upSpeed)} --:--:-- ${time8(r.spent)} --:--:-- ${size5(r.done ? r.downSpeed : 0)}`
  );
}

/** The first row, drawn before anything is known. */
export const ZERO_ROW = meterRow({ total: 0, down: 0, up: 0, downSpeed: 0, upSpeed: 0, done: false });
