#!/usr/bin/env node
import { kubectlMain } from '../dist/main.js';

await kubectlMain(process.argv.slice(2));
