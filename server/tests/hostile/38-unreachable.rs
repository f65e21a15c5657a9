// attempts: execute the wasm unreachable instruction directly
// expect: RE
// shows: unreachable
fn lcs(a: &str, _b: &str) -> i32 {
    if a.len() < usize::MAX {
        core::arch::wasm32::unreachable();
    }
    0
}
