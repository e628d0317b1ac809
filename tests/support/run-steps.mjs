// The scheduler behind tests/run-all.mjs: start every step whose `needs` are done, in the order
// listed, while its `weight` fits in the free slots (`jobs`). Each step's output goes to
// `<logDir>/<id>.log` and is printed whole when the step ends, so parallel steps never interleave;
// a line every 30 s says what is still running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * @typedef {{ id: string, name: string, cmd: string, args: string[], needs?: string[], weight?: number,
 *   env?: Record<string, string>, prepare?: () => Promise<Record<string, string>>, after?: () => void,
 *   report?: string }} Step
 */

const CPU_LINES = /^cpu: \S+ \S+\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\n/m;

/** User + system seconds of the children from bash's `times` (its second line, after `cpu: <shell's own>`). */
function cpuSeconds(text) {
  const m = CPU_LINES.exec(text);
  return m ? Math.round(Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) : null;
}

/** Run `steps`; resolves with each step's outcome once all have ended. Every step runs, whatever failed. */
export function runSteps(/** @type {Step[]} */ steps, { jobs, logDir }) {
  fs.mkdirSync(logDir, { recursive: true });
  const started = Date.now();
  const seconds = (ms) => Math.round(ms / 1000);
  const clock = () => `${seconds(Date.now() - started)}s`.padStart(5);
  /** @type {Map<string, { ok: boolean, seconds: number, cpu: number | null }>} */
  const results = new Map();
  const running = new Set();

  function runStep(step) {
    return new Promise((resolve) => {
      const t0 = Date.now();
      const logFile = path.join(logDir, `${step.id}.log`);
      const log = fs.createWriteStream(logFile);
      const finish = (ok, extra = '') => {
        log.end(extra, () => {
          try {
            step.after?.();
          } catch (e) {
            console.error(e);
          }
          const secs = seconds(Date.now() - t0);
          const raw = fs.readFileSync(logFile, 'utf8');
          const cpu = cpuSeconds(raw);
          const text = raw.replace(CPU_LINES, '');
          console.log(`\n=== ${step.name} (${secs}s, ${cpu === null ? '' : `${cpu}s CPU, `}${ok ? 'ok' : 'FAILED'}) ===`);
          process.stdout.write(text);
          results.set(step.id, { ok, seconds: secs, cpu });
          resolve();
        });
      };
      (async () => {
        if (step.report) fs.rmSync(step.report, { force: true }); // never count an earlier run's report
        const extraEnv = step.prepare ? await step.prepare() : {};
        console.log(`[${clock()}] start ${step.name}`);
        const env = { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...step.env, ...extraEnv };
        delete env.FORCE_COLOR; // plain text in the log: picocolors colours whenever FORCE_COLOR is set at all
        // Through bash, whose `times` then prints the CPU time the step and its children used: beside
        // the wall-clock time it tells a slow step from a busy machine.
        const script = '"$@"; code=$?; { printf "cpu: "; times; } >&2; exit $code';
        const child = spawn('bash', ['-c', script, 'step', step.cmd, ...step.args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        child.on('error', (e) => finish(false, `\n${e.stack}\n`));
        child.on('close', (code) => finish(code === 0));
      })().catch((e) => finish(false, `\n${e.stack ?? e}\n`));
    });
  }

  return new Promise((resolveAll) => {
    const pending = [...steps];
    let used = 0;
    const progress = setInterval(() => {
      // The load average says how much of the wait is other work on the machine.
      console.log(`[${clock()}] running: ${[...running].join(', ')} (load ${os.loadavg()[0].toFixed(1)})`);
    }, 30_000);
    const pump = () => {
      for (const step of [...pending]) {
        const weight = Math.min(step.weight ?? 1, jobs);
        const ready = (step.needs ?? []).every((id) => results.has(id) || !steps.some((s) => s.id === id));
        if (!ready || used + weight > jobs) continue;
        pending.splice(pending.indexOf(step), 1);
        used += weight;
        running.add(step.id);
        runStep(step).then(() => {
          used -= weight;
          running.delete(step.id);
          if (pending.length === 0 && running.size === 0) {
            clearInterval(progress);
            resolveAll(results);
          } else pump();
        });
      }
    };
    pump();
  });
}
