// attempts: an include! loop: the learner's file includes itself until the compiler gives up
// expect: CE
include!("solution.rs");

fn lcs(_a: &str, _b: &str) -> i32 {
    0
}
