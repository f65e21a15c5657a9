//! Executing a compiled module in wasmtime: one shared `Engine`, the module compiled once per
//! submission, a fresh `Store` and instance per test.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wasmtime::{Config, Engine, InstancePre, Linker, Module, Store, Strategy, Trap, UpdateDeadline};

use crate::error::{Error, Result};
use crate::limits::{EPOCH_TICK, MAX_INITIALISED_SPAN, MAX_WASM_STACK, RUN_STDERR_CAP, RunLimits};
use crate::memory::MemoryLimiter;
use crate::wasi::{self, Ctx, Exit, OutputLimitExceeded};

/// The engine, a linker with our WASI, and the thread that ticks epochs.
pub struct Runtime {
    engine: Engine,
    linker: Linker<Ctx>,
    stop_ticker: Arc<AtomicBool>,
}

impl Runtime {
    pub fn new() -> Result<Runtime> {
        let mut config = Config::new();
        // Winch: a single-pass compiler, ~5x faster to compile than Cranelift, and compile time
        // dominates judging. Fuel counts are calibrated with Winch; never switch silently.
        config.strategy(Strategy::Winch);
        config.consume_fuel(true);
        config.epoch_interruption(true);
        config.max_wasm_stack(MAX_WASM_STACK);
        // Not used (we run synchronously), but wasmtime checks max_wasm_stack against it.
        config.async_stack_size(MAX_WASM_STACK + (1 << 20));
        config.parallel_compilation(true);
        // Every admitted program's data fits one copy-on-write image (see `admission.rs`).
        config.memory_guaranteed_dense_image_size(MAX_INITIALISED_SPAN);
        let engine = Engine::new(&config).map_err(Error::wasmtime)?;
        let mut linker = Linker::new(&engine);
        wasi::add_to_linker(&mut linker).map_err(Error::wasmtime)?;

        let stop_ticker = Arc::new(AtomicBool::new(false));
        let (e, stop) = (engine.clone(), stop_ticker.clone());
        std::thread::Builder::new()
            .name("judge-epoch".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    e.increment_epoch();
                }
            })
            .map_err(|e| Error::io("spawn epoch thread", e))?;
        Ok(Runtime { engine, linker, stop_ticker })
    }

    /// Compiles wasm bytes to machine code.
    pub fn compile(&self, wasm: &[u8]) -> Result<Module> {
        Module::new(&self.engine, wasm).map_err(Error::wasmtime)
    }

    /// Links a module once so each test only instantiates it. `Err(names)` lists imports the
    /// judge does not provide (a module asking for them is refused, not run).
    pub fn prepare(&self, module: &Module) -> Result<Result<Prepared, Vec<String>>> {
        let mut linker = self.linker.clone();
        let foreign = wasi::stub_missing(&mut linker, module).map_err(Error::wasmtime)?;
        if !foreign.is_empty() {
            return Ok(Err(foreign));
        }
        let pre = linker.instantiate_pre(module).map_err(Error::wasmtime)?;
        Ok(Ok(Prepared { pre }))
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.stop_ticker.store(true, Ordering::Relaxed);
    }
}

/// A linked module, ready to instantiate per test.
pub struct Prepared {
    pre: InstancePre<Ctx>,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// `_start` returned or called `proc_exit(0)`.
    Success,
    Exit(i32),
    OutOfFuel,
    WallClock,
    OutputLimit,
    /// A memory growth was refused and the program then failed.
    MemoryLimit,
    /// A wasm trap (stack overflow, unreachable, out-of-bounds …).
    Trap(String),
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub end: End,
    pub fuel_used: u64,
    pub peak_memory: u64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub wall: Duration,
}

impl Prepared {
    /// Runs `_start` once with `stdin`. Never panics on guest behaviour; `Err` is the judge's fault.
    pub fn run(&self, stdin: Arc<[u8]>, limits: &RunLimits, cancel: Option<Arc<AtomicBool>>) -> Result<RunOutcome> {
        let start = Instant::now();
        let limiter = MemoryLimiter::new(limits.memory_bytes);
        let ctx = Ctx::new(stdin, limits.output_bytes, RUN_STDERR_CAP, limiter);
        let mut store = Store::new(self.pre.module().engine(), ctx);
        store.limiter(|ctx| &mut ctx.limiter);
        store.set_fuel(limits.fuel).map_err(Error::wasmtime)?;
        store.set_epoch_deadline(1);
        let deadline = start + limits.wall;
        let cancel_flag = cancel.clone();
        store.epoch_deadline_callback(move |_| {
            let cancelled = cancel_flag.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));
            if cancelled || Instant::now() >= deadline {
                Ok(UpdateDeadline::Interrupt)
            } else {
                Ok(UpdateDeadline::Continue(1))
            }
        });

        let result = self.pre.instantiate(&mut store).and_then(|instance| {
            let start_fn = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
            start_fn.call(&mut store, ())
        });
        let fuel_used = limits.fuel.saturating_sub(store.get_fuel().unwrap_or(0));
        let cancelled = cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));
        let ctx = store.into_data();
        let end = match result {
            Ok(()) => End::Success,
            Err(e) => classify(&e, ctx.limiter.exceeded, cancelled),
        };
        Ok(RunOutcome {
            end,
            fuel_used,
            peak_memory: ctx.limiter.peak as u64,
            stdout: ctx.stdout,
            stderr: ctx.stderr,
            wall: start.elapsed(),
        })
    }
}

fn classify(e: &wasmtime::Error, memory_exceeded: bool, cancelled: bool) -> End {
    if let Some(exit) = e.downcast_ref::<Exit>() {
        return match exit.0 {
            0 => End::Success,
            _ if memory_exceeded => End::MemoryLimit,
            code => End::Exit(code),
        };
    }
    if e.downcast_ref::<OutputLimitExceeded>().is_some() {
        return End::OutputLimit;
    }
    if let Some(trap) = e.downcast_ref::<Trap>() {
        return match trap {
            Trap::OutOfFuel => End::OutOfFuel,
            Trap::Interrupt if cancelled => End::Cancelled,
            Trap::Interrupt => End::WallClock,
            _ if memory_exceeded => End::MemoryLimit,
            Trap::StackOverflow => End::Trap("stack overflow".into()),
            Trap::UnreachableCodeReached => End::Trap("unreachable executed (abort or panic)".into()),
            other => End::Trap(other.to_string()),
        };
    }
    if memory_exceeded {
        // e.g. the initial memory is already above the limit, so instantiation failed.
        return End::MemoryLimit;
    }
    End::Trap(format!("{e}"))
}
