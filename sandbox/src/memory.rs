//! Memory accounting for one run: a `ResourceLimiter` that enforces the problem's memory limit
//! and records the peak, so the verdict can say MLE (and show peak memory on every test).

use wasmtime::ResourceLimiter;

use crate::limits::MAX_TABLE_ELEMENTS;

#[derive(Debug, Clone)]
pub struct MemoryLimiter {
    limit: usize,
    pub peak: usize,
    /// A growth was refused: whatever failure follows is an MLE, not an RE.
    pub exceeded: bool,
}

impl MemoryLimiter {
    pub fn new(limit_bytes: u64) -> Self {
        MemoryLimiter { limit: usize::try_from(limit_bytes).unwrap_or(usize::MAX), peak: 0, exceeded: false }
    }
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired > self.limit {
            self.exceeded = true;
            // Refuse instead of trapping: `memory.grow` returns -1 and the language runtime
            // reports it its own way (Rust aborts, Go throws), which we then call MLE.
            return Ok(false);
        }
        self.peak = self.peak.max(desired);
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }

    fn instances(&self) -> usize {
        1
    }
    fn tables(&self) -> usize {
        4
    }
    fn memories(&self) -> usize {
        1
    }
}
