// attempts: run code inside the compiler: declare a procedural macro (there is no build script
// attempts: or Cargo to run one, and the submission is a plain binary crate)
// expect: CE
extern crate proc_macro;
use proc_macro::TokenStream;

#[proc_macro]
pub fn steal(_input: TokenStream) -> TokenStream {
    std::fs::read_to_string("/etc/passwd").unwrap().parse().unwrap()
}

fn lcs(_a: &str, _b: &str) -> i32 {
    steal!()
}
