// Starts and stops the real `prep` binary for the browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function freshDatabase() {
  return path.join(mkdtempSync(path.join(tmpdir(), 'prep-e2e-')), 'prep.db');
}

/** Starts the server on a free port (`env`: extra variables); resolves with { url, stop }. */
export function startServer(database, env = {}) {
  const bin = process.env.PREP_BIN ?? path.join(root, 'target', 'debug', 'prep');
  const child = spawn(bin, ['--addr', '127.0.0.1:0', '--database', database], {
    cwd: root,
    env: { ...process.env, RUST_LOG: 'info', NO_COLOR: '1', PREP_CONTENT: path.join(root, 'content'), PREP_SITE: path.join(root, 'target', 'site'),
      // The Go build cache the Rust tests warmed: a cold one costs a minute.
      PREP_DEMO_CACHE: path.join(root, 'target', 'demo-test-cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/serving on (http:\/\/[0-9.:]+)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${output}`)); });
  });
}
