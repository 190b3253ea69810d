#!/usr/bin/env node
// paybench CLI: TypeScript sources run through tsx's ESM loader (no build step needed).
import { register } from 'tsx/esm/api';

register();
await import('../src/app/cli/main.ts');
