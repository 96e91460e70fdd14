/**
 * Column layout as kubectl's printers do it with Go's text/tabwriter.
 *
 * `get` tables (cli-runtime GetNewTabWriter): minwidth 6, padding 3, so a column is max(6, longest + 3)
 * wide, and the last column is never padded. Trailing empty cells keep the padding of the cells before
 * them, which is why `-L` with an empty last value leaves spaces at the end of the line.
 */
export function formatTable(rows: string[][], opts: { minWidth?: number; padding?: number } = {}): string {
  const minWidth = opts.minWidth ?? 6;
  const padding = opts.padding ?? 3;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return; // the last cell of a row is not a column cell
      widths[i] = Math.max(widths[i] ?? 0, Math.max(minWidth, cellWidth(cell) + padding));
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - cellWidth(cell)))).join(''))
    .map((l) => l + '\n')
    .join('');
}

/**
 * text/tabwriter semantics for describe output (minwidth 0, padding 2, no flags): a column block is a
 * run of consecutive lines that have a cell in that column; a line without tabs ends every block.
 * Input lines contain `\t` separated cells; the text after the last tab is not a cell and is not padded.
 */
export function alignTabs(text: string, padding = 2): string {
  const lines = text.split('\n');
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[][] = cells.map((c) => new Array(Math.max(0, c.length - 1)).fill(0));
  // For each column index, find maximal runs of consecutive lines having that column and size them.
  const maxCols = Math.max(0, ...cells.map((c) => c.length - 1));
  for (let col = 0; col < maxCols; col++) {
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      let w = 0;
      for (let i = start; i < end; i++) w = Math.max(w, cellWidth(cells[i][col]) + padding);
      for (let i = start; i < end; i++) widths[i][col] = w;
      start = -1;
    };
    for (let i = 0; i < cells.length; i++) {
      if (cells[i].length - 1 > col) {
        if (start < 0) start = i;
      } else flush(i);
    }
    flush(cells.length);
  }
  return cells
    .map((c, i) => c.map((cell, j) => (j < c.length - 1 ? cell + ' '.repeat(widths[i][j] - cellWidth(cell)) : cell)).join(''))
    .join('\n');
}

/** Display width: Go's tabwriter counts UTF-8 runes. */
export function cellWidth(s: string): number {
  return [...s].length;
}
