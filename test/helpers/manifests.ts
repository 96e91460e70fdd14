import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The Kubernetes docs' run-my-nginx.yaml (Deployment my-nginx, 2 replicas, run=my-nginx, nginx:80), as shipped in specs/. */
export const RUN_MY_NGINX = readFileSync(join(ROOT, 'specs', 'docs', 'run-my-nginx.yaml'), 'utf8');
