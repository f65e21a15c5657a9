// attempts: find anything of the host at run time: environment variables (compile-time option_env! too),
// attempts: /etc/passwd, /proc/self/environ, the planted secrets, a directory listing. It answers
// attempts: correctly only if every probe came back empty, and prints what it found otherwise.
// expect: AC
use std::fmt::Write as _;

fn probes() -> String {
    let mut found = String::new();
    for (k, v) in std::env::vars_os() {
        let _ = writeln!(found, "env {k:?}={v:?}");
    }
    if let Some(v) = option_env!("PREP_HOSTILE_SECRET") {
        let _ = writeln!(found, "option_env {v}");
    }
    if let Some(v) = option_env!("PATH") {
        let _ = writeln!(found, "option_env PATH={v}");
    }
    for path in ["/etc/passwd", "/proc/self/environ", "@SECRET_FILE@", "../prep-hostile-secret.txt", "."] {
        if let Ok(text) = std::fs::read(path) {
            let _ = writeln!(found, "read {path}: {}", String::from_utf8_lossy(&text));
        }
        if let Ok(entries) = std::fs::read_dir(path) {
            let _ = writeln!(found, "listed {path}: {}", entries.count());
        }
    }
    if std::env::args().count() != 1 {
        let _ = writeln!(found, "args {:?}", std::env::args().collect::<Vec<_>>());
    }
    found
}

fn lcs(a: &str, b: &str) -> i32 {
    let found = probes();
    if !found.is_empty() {
        print!("{found}");
        return -1;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev = vec![0i32; b.len() + 1];
    let mut cur = vec![0i32; b.len() + 1];
    for &x in a {
        for j in 0..b.len() {
            cur[j + 1] = if x == b[j] { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
