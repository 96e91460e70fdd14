import type { KubeObject } from '../../api/types.js';
import type { Snapshot } from '../../api/snapshot.js';

export interface Column {
  /** Header as printed (already upper-case). */
  header: string;
  /** Priority-1 columns show only with -o wide. */
  wide?: boolean;
}

export interface RowContext {
  now: string;
  snapshot: Snapshot;
}

/** A server-side table printer for one kind: its columns and a row function returning every column's cell. */
export interface TablePrinter {
  columns: Column[];
  row(obj: KubeObject, ctx: RowContext): string[];
}
