// attempts: a compiler bomb: polymorphic recursion makes rustc instantiate ever deeper generic types
// expect: CE
struct Wrap<T>(T);

fn deeper<T>(x: T, n: u32) -> u32 {
    if n == 0 { 0 } else { 1 + deeper(Wrap(x), n - 1) }
}

fn lcs(a: &str, _b: &str) -> i32 {
    deeper(a, a.len() as u32) as i32
}
