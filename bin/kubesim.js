#!/usr/bin/env node
import { kubesimMain } from '../dist/kubesim-main.js';

await kubesimMain(process.argv.slice(2));
