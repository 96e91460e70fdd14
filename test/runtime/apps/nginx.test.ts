import { describe, expect, it } from 'vitest';
import { nginx } from '../../../src/runtime/net/apps/nginx.js';
import { NOW, get, pod, view } from './fixtures.js';

const web = pod('web-1', '10.244.2.4');
const v = () => view('nginx:1.27', web);

describe('nginx (stock default.conf)', () => {
  it('serves the welcome page for / and /index.html with the package file headers and an access-log line', () => {
    for (const path of ['/', '/index.html']) {
      const { response, log } = nginx(get(path), v(), NOW);
      expect(response.status).toBe(200);
      expect(response.body.length).toBe(615);
      expect(response.body).toContain('<title>Welcome to nginx!</title>');
      expect(response.headers).toEqual([
        ['Server', 'nginx/1.27.3'],
        ['Date', 'Wed, 01 Jan 2025 00:00:00 GMT'],
        ['Content-Type', 'text/html'],
        ['Content-Length', '615'],
        ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
        ['Connection', 'keep-alive'],
        ['ETag', '"6745ef54-267"'],
        ['Accept-Ranges', 'bytes'],
      ]);
      expect(log).toEqual([{ stream: 'stdout', line: `10.244.1.2 - - [01/Jan/2025:00:00:00 +0000] "GET ${path} HTTP/1.1" 200 615 "-" "curl/7.79.1" "-"` }]);
    }
  });

  it('answers a missing file with the 153-byte 404 page and an error-log line on stderr first', () => {
    const { response, log } = nginx(get('/missing'), v(), NOW);
    expect(response.status).toBe(404);
    expect(response.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
    expect(response.body.length).toBe(153);
    expect(log).toEqual([
      { stream: 'stderr', line: '2025/01/01 00:00:00 [error] 29#29: *1 open() "/usr/share/nginx/html/missing" failed (2: No such file or directory), client: 10.244.1.2, server: localhost, request: "GET /missing HTTP/1.1", host: "web"' },
      { stream: 'stdout', line: '10.244.1.2 - - [01/Jan/2025:00:00:00 +0000] "GET /missing HTTP/1.1" 404 153 "-" "curl/7.79.1" "-"' },
    ]);
  });

  it('numbers connections after the requests already in its log', () => {
    const earlier = [{ time: '2025-01-01T00:00:00.1Z', stream: 'stdout' as const, line: '10.244.1.2 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.79.1" "-"' }];
    const { log } = nginx(get('/nope'), view('nginx', web, { log: earlier }), NOW);
    expect(log[0].line).toContain(' *2 open()');
  });

  it('HEAD sends the headers only and logs 0 bytes; /50x.html is a page of its own', () => {
    const head = nginx(get('/', [], 'HEAD'), v(), NOW);
    expect(head.response.body).toBe('');
    expect(head.response.headers).toContainEqual(['Content-Length', '615']);
    expect(head.log[0].line).toContain('"HEAD / HTTP/1.1" 200 0 ');
    const err = nginx(get('/50x.html'), v(), NOW);
    expect(err.response.status).toBe(200);
    expect(err.response.body).toContain('<h1>An error occurred.</h1>');
    expect(err.response.headers).toContainEqual(['ETag', '"6745ef54-1f1"']);
  });

  it('405 for POST to a static file and for other methods; POST to a missing file is 404', () => {
    const post = nginx(get('/', [], 'POST'), v(), NOW);
    expect([post.response.status, post.response.reason]).toEqual([405, 'Not Allowed']);
    expect(post.response.body).toContain('<title>405 Not Allowed</title>');
    expect(nginx(get('/index.html', [], 'DELETE'), v(), NOW).response.status).toBe(405);
    expect(nginx(get('/nothing', [], 'POST'), v(), NOW).response.status).toBe(404);
  });

  it('redirects a directory to its slash form, forbids a directory without index, serves written files', () => {
    const files = { '/usr/share/nginx/html/docs/index.html': 'docs\n', '/usr/share/nginx/html/empty/.keep': '', '/usr/share/nginx/html/a.json': '{}' };
    const vv = view('nginx', web, { files });
    const moved = nginx(get('/docs', [], 'GET', 'web:8080'), vv, NOW);
    expect(moved.response.status).toBe(301);
    expect(moved.response.headers).toContainEqual(['Location', 'http://web/docs/']);
    expect(nginx(get('/docs/'), vv, NOW).response.body).toBe('docs\n');
    const forbidden = nginx(get('/empty/'), vv, NOW);
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.log[0].line).toContain('directory index of "/usr/share/nginx/html/empty/" is forbidden');
    expect(nginx(get('/a.json'), vv, NOW).response.headers).toContainEqual(['Content-Type', 'application/json']);
  });

  it('puts Referer, User-Agent and X-Forwarded-For into the main log format', () => {
    const { log } = nginx({ ...get('/', [['Referer', 'http://x/'], ['X-Forwarded-For', '1.2.3.4']]) }, v(), NOW);
    expect(log[0].line).toBe('10.244.1.2 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "http://x/" "curl/7.79.1" "1.2.3.4"');
  });
});
