#!/usr/bin/env node
// `npm start`: opens the sample workspace examples/ in VS Code with the extension.
// - With a `code` command (VS Code desktop): runs it with this folder as the extension
//   under development, on examples/.
// - Otherwise: the browser VS Code from the npm package code-server (installed into .e2e/
//   by scripts/e2e/setup.sh when missing), on 127.0.0.1 with the freshly built .vsix
//   installed, and prints the address to open. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, E2E_DIR, startCodeServer } from './e2e/codeServer.mjs';

const examples = join(ROOT, 'examples');
const vsix = join(ROOT, 'digest-lens.vsix');

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (hasCommand('code') && !process.env.DIGEST_LENS_BROWSER) {
  console.log('Opening examples/ in VS Code with Digest Lens under development…');
  const child = spawn('code', ['--extensionDevelopmentPath', ROOT, examples], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!existsSync(join(E2E_DIR, 'node_modules', 'code-server'))) {
    console.log('No `code` command: installing the browser VS Code (code-server) into .e2e/ once…');
    const setup = spawnSync('bash', [join(ROOT, 'scripts', 'e2e', 'setup.sh')], { stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error('Could not install code-server; see the messages above (it needs apt-get for chromium-free build tools and libkrb5-dev).');
      process.exit(1);
    }
  }
  if (!existsSync(vsix)) {
    console.error(`${vsix} is missing: run \`npm run package\` first (npm start does).`);
    process.exit(1);
  }
  const server = await startCodeServer({ vsix, vscodeOptions: [], settings: { 'workbench.startupEditor': 'readme', 'git.openRepositoryInParentFolders': 'never' } });
  const address = `${server.url}?folder=${encodeURIComponent(examples)}`;
  console.log('\nDigest Lens is running in the browser VS Code (code-server), bound to 127.0.0.1 only.');
  console.log(`Open: ${address}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.exited;
  console.error('code-server stopped.');
  await server.stop();
  process.exit(1);
}
