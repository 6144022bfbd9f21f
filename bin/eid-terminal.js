#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx eid-terminal` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const { exitQuietlyOnClosedPipe } = await import('../cli/output.ts');
exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
