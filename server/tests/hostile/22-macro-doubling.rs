// attempts: a compiler bomb: a macro whose expansion doubles at every step (2^100 tokens)
// expect: CE
macro_rules! double {
    (@ $($t:tt)*) => { double!($($t)* $($t)*) };
    ($($t:tt)*) => { double!(@ $($t)* $($t)*) };
}

fn lcs(_a: &str, _b: &str) -> i32 {
    let x = double!(1 +);
    x
}
