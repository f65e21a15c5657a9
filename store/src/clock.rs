use std::sync::OnceLock;

/// Unix seconds (UTC), the unit of every time in the database.
///
/// `PREP_CLOCK_OFFSET_SECS` (read once, default 0) shifts it: a test restarts the server "three
/// days later" on the same database to see cards come due. Never set in normal use.
pub fn now() -> i64 {
    static OFFSET: OnceLock<i64> = OnceLock::new();
    let offset =
        *OFFSET.get_or_init(|| std::env::var("PREP_CLOCK_OFFSET_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(0));
    let system =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    system + offset
}
