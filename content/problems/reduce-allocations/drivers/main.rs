// Driver for `settle`: passes all of stdin to the learner's function (in solution.rs) and counts
// the heap allocations made during that call only, with a counting global allocator. Over the
// budget (64 + 2 × rows returned) it reports the count on stderr and exits with code 3;
// otherwise it prints the rows sorted by merchant and currency, then the rejected count.
use std::io::{Read, Write};

include!("solution.rs");

/// Every call that asks the allocator for memory: alloc, alloc_zeroed and realloc (a grown
/// Vec, String or HashMap is one more allocation). Frees are not counted. The counter lives in
/// a private module, so the learner's code (included above, at the crate root) can read the
/// count through `allocations()` but cannot reset it.
mod allocation_count {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct CountingAllocator;

    static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for CountingAllocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static COUNTING_ALLOCATOR: CountingAllocator = CountingAllocator;

    pub fn allocations() -> usize {
        ALLOCATIONS.load(Ordering::Relaxed)
    }
}

fn main() {
    let mut batch = String::new();
    std::io::stdin().read_to_string(&mut batch).expect("read stdin");

    let before = allocation_count::allocations();
    let (mut rows, rejected) = settle(&batch);
    let used = allocation_count::allocations() - before;

    let budget = 64 + 2 * rows.len();
    if used > budget {
        eprintln!("allocations: {used}, budget {budget}");
        std::process::exit(3);
    }
    rows.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out = String::new();
    for (merchant, currency, net) in &rows {
        out.push_str(&format!("{merchant} {currency} {net}\n"));
    }
    out.push_str(&format!("rejected {rejected}\n"));
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
