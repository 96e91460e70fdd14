/** The errors of kubectl's JSONPath dialect. */

/** Thrown for template parse errors and execution errors; `message` is client-go's reason text. */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/** An execution error that also carries the values Go returned next to the error (the exists filter reads them). */
export class StepError extends JsonPathError {
  constructor(
    message: string,
    readonly values: unknown[],
  ) {
    super(message);
  }
}
