// Runs `npm run <script>` with the output shown, resolving to its exit code.
import { spawn } from 'node:child_process';
import { projectRoot } from './electronBundles.mjs';

/** `npm run <script>` in the repository root; resolves to the exit code (1 if it could not start). */
export function runNpmScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      cwd: projectRoot,
      stdio: 'inherit',
      // npm is npm.cmd on Windows, which only a shell can start.
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`Apogee: could not run "npm run ${script}": ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
