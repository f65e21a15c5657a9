//! Parses the Go runtime's `GODEBUG=schedtrace=MS[,scheddetail=1]` lines (stderr) into
//! numbers per trace: per-P local run queues, the global queue, idle Ps, spinning and idle Ms,
//! threads. Two shapes exist:
//!
//! ```text
//! SCHED 52ms: gomaxprocs=3 idleprocs=0 threads=4 spinningthreads=0 … idlethreads=0 runqueue=518 [167 98 97]
//! SCHED 52ms: gomaxprocs=3 idleprocs=0 threads=4 spinningthreads=0 … runqueue=518 gcwaiting=false …
//!   P0: status=1 schedtick=58 syscalltick=0 m=0 runqsize=167 gfreecnt=57 timerslen=0
//!   M3: …    (scheddetail: one line per M and per G follow; ignored)
//! ```

use catalog::demo::MAX_TRACED_PS;

/// One scheduler trace: `x` is the runtime's milliseconds since start.
/// (`ticks_pN`: goroutines P n has scheduled so far, from `schedticks=[…]`.)
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trace {
    pub ms: u64,
    /// `(series key, value)`: `global`, `idle_procs`, `spinning`, `threads`, `idle_threads`, `pN`.
    pub values: Vec<(String, f64)>,
}

/// Feeds stderr lines; returns a trace when one is complete. Lines that are not part of a
/// trace are handed back so the runner can keep them (a panic's message, for instance).
#[derive(Debug, Default)]
pub struct TraceParser {
    pending: Option<Trace>,
}

pub enum Fed {
    /// Part of a trace; nothing to do yet.
    Consumed,
    /// Completed the previous trace (and the line may have started the next).
    Trace(Trace),
    /// Not a trace line.
    Other,
}

impl TraceParser {
    pub fn feed(&mut self, line: &str) -> Fed {
        if let Some(rest) = line.strip_prefix("SCHED ") {
            let done = self.pending.take();
            let Some(trace) = parse_summary(rest) else { return done.map_or(Fed::Other, Fed::Trace) };
            if rest.contains('[') {
                // The short format carries its per-P queues inline: complete at once.
                return match done {
                    Some(prev) => {
                        self.pending = Some(trace);
                        Fed::Trace(prev)
                    }
                    None => Fed::Trace(trace),
                };
            }
            self.pending = Some(trace);
            return done.map_or(Fed::Consumed, Fed::Trace);
        }
        let trimmed = line.trim_start();
        if line.starts_with("  ")
            && let Some(pending) = self.pending.as_mut()
        {
            if let Some(rest) = trimmed.strip_prefix('P')
                && let Some((index, fields)) = rest.split_once(':')
                && let Ok(p) = index.parse::<usize>()
            {
                if p < MAX_TRACED_PS
                    && let Some(size) = field(fields, "runqsize")
                {
                    pending.values.push((format!("p{p}"), size));
                }
                return Fed::Consumed;
            }
            if trimmed.starts_with('M') || trimmed.starts_with('G') {
                // scheddetail's per-M and per-G lines end the per-P block.
                return match self.pending.take() {
                    Some(t) => Fed::Trace(t),
                    None => Fed::Consumed,
                };
            }
        }
        if line.starts_with("  M") || line.starts_with("  G") {
            return Fed::Consumed;
        }
        Fed::Other
    }

    /// The trace still being collected when stderr ends.
    pub fn finish(&mut self) -> Option<Trace> {
        self.pending.take()
    }
}

fn parse_summary(rest: &str) -> Option<Trace> {
    let (time, fields) = rest.split_once(':')?;
    let ms = time.trim().strip_suffix("ms")?.parse().ok()?;
    let mut values = Vec::new();
    for (series, name) in [
        ("global", "runqueue"),
        ("idle_procs", "idleprocs"),
        ("spinning", "spinningthreads"),
        ("threads", "threads"),
        ("idle_threads", "idlethreads"),
    ] {
        if let Some(v) = field(fields, name) {
            values.push((series.to_string(), v));
        }
    }
    // `… runqueue=N [ a b c ] schedticks=[ x y z ]`: the first list is the local queues, the
    // `schedticks=` one how often each P has scheduled a goroutine so far.
    if let Some(open) = fields.find('[')
        && !fields[..open].trim_end().ends_with('=')
    {
        per_p(&fields[open..], "p", &mut values);
    }
    if let Some(at) = fields.find("schedticks=[") {
        per_p(&fields[at + "schedticks=".len()..], "ticks_p", &mut values);
    }
    Some(Trace { ms, values })
}

/// Reads `[ a b c ]` at the start of `list` as `{prefix}0 = a`, `{prefix}1 = b`, …
fn per_p(list: &str, prefix: &str, values: &mut Vec<(String, f64)>) {
    let Some(close) = list.find(']') else { return };
    for (p, n) in list[1..close].split_whitespace().enumerate().take(MAX_TRACED_PS) {
        if let Ok(n) = n.parse::<f64>() {
            values.push((format!("{prefix}{p}"), n));
        }
    }
}

fn field(fields: &str, name: &str) -> Option<f64> {
    fields.split_whitespace().find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traces(text: &str) -> Vec<Trace> {
        let mut parser = TraceParser::default();
        let mut out = Vec::new();
        for line in text.lines() {
            if let Fed::Trace(t) = parser.feed(line) {
                out.push(t);
            }
        }
        out.extend(parser.finish());
        out
    }

    fn get(t: &Trace, key: &str) -> Option<f64> {
        t.values.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    #[test]
    fn short_format_gives_queues_inline() {
        let t = traces(
            "SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=7 [3 0]\n\
             panic: something\n\
             SCHED 50ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 needspinning=0 idlethreads=0 runqueue=0 [12 9]",
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].ms, 0);
        assert_eq!(get(&t[0], "global"), Some(7.0));
        assert_eq!(get(&t[0], "p0"), Some(3.0));
        assert_eq!(get(&t[1], "p1"), Some(9.0));
        assert_eq!(get(&t[1], "spinning"), Some(1.0));
        assert_eq!(get(&t[1], "threads"), Some(5.0));
    }

    #[test]
    fn the_runtime_s_own_format_with_schedticks() {
        let t = traces(
            "SCHED 50ms: gomaxprocs=3 idleprocs=0 threads=4 spinningthreads=0 needspinning=1 idlethreads=0 runqueue=518 [ 104 193 84 ] schedticks=[ 30 29 50 ]\n\
             SCHED 100ms: gomaxprocs=1 idleprocs=0 threads=4 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 [ 7 ] schedticks=[ 9000 ]",
        );
        assert_eq!(t.len(), 2);
        assert_eq!(get(&t[0], "p1"), Some(193.0));
        assert_eq!(get(&t[0], "p3"), None, "three Ps, three queues");
        assert_eq!(get(&t[0], "ticks_p2"), Some(50.0));
        assert_eq!(get(&t[1], "p0"), Some(7.0));
        assert_eq!(get(&t[1], "p1"), None, "schedticks are not queues");
        assert_eq!(get(&t[1], "ticks_p0"), Some(9000.0));
    }

    #[test]
    fn detail_format_collects_p_lines_and_skips_m_and_g() {
        let t = traces(
            "SCHED 52ms: gomaxprocs=3 idleprocs=0 threads=4 spinningthreads=0 needspinning=1 idlethreads=0 runqueue=518 gcwaiting=false\n  \
             P0: status=1 schedtick=58 syscalltick=0 m=0 runqsize=167 gfreecnt=57 timerslen=0\n  \
             P1: status=1 schedtick=36 syscalltick=0 m=3 runqsize=98 gfreecnt=29 timerslen=0\n  \
             M3: p=1 curg=38 mallocing=0\n  \
             G1: status=4(chan receive) m=nil lockedm=nil\n\
             SCHED 102ms: gomaxprocs=3 idleprocs=3 threads=4 spinningthreads=0 needspinning=0 idlethreads=3 runqueue=0 gcwaiting=false\n  \
             P0: status=0 schedtick=90 syscalltick=0 m=nil runqsize=0 gfreecnt=57 timerslen=0",
        );
        assert_eq!(t.len(), 2);
        assert_eq!(get(&t[0], "global"), Some(518.0));
        assert_eq!(get(&t[0], "p0"), Some(167.0));
        assert_eq!(get(&t[0], "p1"), Some(98.0));
        assert_eq!(t[1].ms, 102);
        assert_eq!(get(&t[1], "idle_procs"), Some(3.0));
        assert_eq!(get(&t[1], "p0"), Some(0.0));
    }

    #[test]
    fn other_lines_are_handed_back() {
        let mut parser = TraceParser::default();
        assert!(matches!(parser.feed("goroutine 1 [running]:"), Fed::Other));
        assert!(matches!(parser.feed("SCHED garbage"), Fed::Other));
    }
}
