#!/usr/bin/env node
// `tianbao` command: registers tsx's ESM loader so that the TypeScript engine runs as is, then hands over to
// main.ts. Nothing else happens here, so that the CLI and the tests share one code path.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
