/**
 * The error funnel's vocabulary. Commands throw these; only cli/run.ts turns them into text and an exit
 * code, the way kubectl's cmdutil.CheckErr does.
 */

export type Reason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError';

/** A field error as the API server reports it: `spec.ports[0].port: Invalid value: 70000: must be …`. */
export interface FieldError {
  field: string;
  type:
    | 'Required value'
    | 'Invalid value'
    | 'Unsupported value'
    | 'Forbidden'
    | 'Duplicate value'
    | 'Not found'
    | 'Too long'
    | 'Too many'
    | 'Internal error';
  /** Already rendered in Go syntax (strings quoted, ints bare), or undefined when the type carries no value. */
  value?: string;
  detail?: string;
}

export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** An error "from the server": printed as `Error from server (Reason): message`. */
export class ApiError extends Error {
  constructor(
    readonly reason: Reason | undefined,
    message: string,
    readonly causes: FieldError[] = [],
  ) {
    super(message);
  }

  static notFound(resource: string, name: string): ApiError {
    return new ApiError('NotFound', `${resource} "${name}" not found`);
  }

  static alreadyExists(resource: string, name: string): ApiError {
    return new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
  }

  /** The API server's Invalid status: `The Service "s" is invalid: <field errors>`. */
  static invalid(kind: string, name: string, causes: FieldError[]): ApiError {
    const head = `The ${kind} "${name}" is invalid: `;
    const msg =
      causes.length === 1
        ? head + formatFieldError(causes[0])
        : head + '\n' + causes.map((c) => `* ${formatFieldError(c)}`).join('\n');
    return new ApiError('Invalid', msg, causes);
  }

  /** Prefix the message the way kubectl's resource helpers do for file-based operations. */
  withContext(prefix: string): ApiError {
    if (this.reason === 'Invalid') return this;
    const e = new ApiError(this.reason, `${prefix}${this.message}`, this.causes);
    return e;
  }
}

/** A plain client-side error: printed as `error: message`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A usage error: `error: msg` + `See 'kubectl <cmd> -h' for help and examples`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message);
  }
}

/** A flag-parsing error as cobra reports it: `Error: msg` + `See 'kubectl <cmd> --help' for usage.` */
export class FlagError extends Error {
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message);
  }
}

/** Ends the command with an exit code; the message (if any) has already been written or is printed raw. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

/** Several errors from a multi-object verb: one line each, exit 1. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}
