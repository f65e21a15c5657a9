// attempts: send a UDP datagram and resolve host names (DNS) from inside the program
// attempts: (answers correctly only if every attempt fails)
// expect: AC
use std::net::ToSocketAddrs;

fn lcs(a: &str, b: &str) -> i32 {
    if let Ok(sock) = std::net::UdpSocket::bind("0.0.0.0:0") {
        let _ = sock.send_to(b"pwned", "127.0.0.1:53");
        return -1;
    }
    if ("localhost", 80).to_socket_addrs().is_ok() || "example.com:443".to_socket_addrs().is_ok() {
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
