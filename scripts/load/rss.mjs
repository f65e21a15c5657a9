// Resident memory of the server (and of the processes it starts: the judge's compilers), sampled
// once a second from /proc.
import { readFileSync, readdirSync } from 'node:fs';

function rssKb(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // gone (or restarting, in the fault suite)
  }
}

/** The pid and every process below it. */
function tree(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  const all = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    all.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return all;
}

export class RssSampler {
  /** pids: the processes to watch (the server; on Postgres also the judge workers). */
  constructor(pids) {
    this.pids = pids;
    this.server = []; // kB, the processes themselves
    this.withChildren = []; // kB, including their compilers
  }

  start() {
    const sample = () => {
      this.server.push(this.pids.reduce((n, p) => n + rssKb(p), 0));
      this.withChildren.push(this.pids.flatMap(tree).reduce((n, p) => n + rssKb(p), 0));
    };
    sample();
    this.timer = setInterval(sample, 1000);
  }

  stop() {
    clearInterval(this.timer);
  }
}

export const mib = (kb) => (kb / 1024).toFixed(0);
