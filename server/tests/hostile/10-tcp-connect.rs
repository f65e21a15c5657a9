// attempts: open a TCP connection to the judge's own web server and send it an HTTP request
// attempts: (answers correctly only if the connection is refused)
// expect: AC
use std::io::Write;

fn lcs(a: &str, b: &str) -> i32 {
    if let Ok(mut s) = std::net::TcpStream::connect("@SERVER_ADDR@") {
        let _ = s.write_all(b"GET /api/pwned HTTP/1.0\r\n\r\n");
        return -1;
    }
    if std::net::TcpListener::bind("0.0.0.0:8080").is_ok() {
        return -2;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut t = vec![vec![0i32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
        }
    }
    t[a.len()][b.len()]
}
