// attempts: climb out of the compile directory with ../ to a secret beside it, and further up to /etc/shadow
// expect: CE
const NEXT_DOOR: &str = include_str!("../prep-hostile-secret.txt");
const SHADOW: &str = include_str!("../../../../../../../../etc/shadow");

fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{NEXT_DOOR}{SHADOW}");
    0
}
