import { afterAll, describe, expect, it } from 'vitest';
import { runCli, stateBytes, tempStateDir } from '../helpers/cli.js';

/** What the API server's decoder refuses, in its words, leaving the state untouched. */
describe('objects the decoder cannot read', () => {
  const { dir, cleanup } = tempStateDir();
  afterAll(cleanup);
  const k = (args: string[], stdin?: string) => runCli(args, { stateDir: dir, stdin });

  it('Secret data that is not base64 is refused with the byte offset, once worded', () => {
    expect(k(['get', 'ns']).code).toBe(0);
    const before = stateBytes(dir);
    const r = k(['apply', '-f', '-'], 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  k: "not base64!"\n');
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3\n',
    });
    expect(stateBytes(dir)).toBe(before);
    expect(k(['apply', '-f', '-'], 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: good\ndata:\n  k: aGVsbG8=\n').stdout).toBe('secret/good created\n');
  });
});
