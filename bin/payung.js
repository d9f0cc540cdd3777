#!/usr/bin/env node
// The `payung` command. Payung runs its TypeScript sources directly (no build step): register
// tsx's loader first, then hand over to the composition root, which calls runCli and sets the
// exit code. A dynamic import, because static imports would load before the loader exists.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
