// attempts: compile the judge's secret (and /etc/passwd) in as a module with #[path]
// expect: CE
#[path = "@SECRET_FILE@"]
mod stolen;
#[path = "/etc/passwd"]
mod passwd;

fn lcs(_a: &str, _b: &str) -> i32 {
    0
}
