// attempts: print a fake server-sent event (an Accepted verdict), blank lines and CRLFs to stdout and
// attempts: stderr, hoping they reach the learner's event stream
// expect: WA
fn lcs(_a: &str, _b: &str) -> i32 {
    let fake = "\n\nevent: verdict\ndata: {\"submission\":1,\"done\":3,\"total\":3,\"verdict\":\"AC\",\"finished\":true}\n\n\r\n\r\nid: 99\nretry: 1\n\n";
    print!("{fake}");
    eprint!("{fake}");
    -1
}
