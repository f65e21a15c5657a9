// attempts: HTML in the program's output, shown on the report page next to the expected output
// expect: WA
// escaped: </script><script>prep_xss()</script>
fn lcs(_a: &str, _b: &str) -> i32 {
    println!("</script><script>prep_xss()</script><img src=x onerror=prep_xss()>\"'><!--");
    -1
}
