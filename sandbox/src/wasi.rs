//! A minimal, deterministic WASI preview 1, written here rather than taken from wasmtime-wasi.
//!
//! A judged program may only read its stdin, write stdout/stderr (into memory), ask the time and
//! for random bytes, and exit. Implementing those ~20 calls ourselves makes every answer a pure
//! function of the call sequence: the clock advances a fixed step per query (and by exactly the
//! requested amount on a sleep), random bytes come from a fixed-seed generator, there are no
//! preopened directories, no environment and no sockets. That is what makes fuel counts repeat
//! exactly, Go's runtime included. Any other WASI import is answered with `ENOSYS`.

use wasmtime::{Caller, Extern, FuncType, Linker, Memory, Module, Val, ValType};

use crate::memory::MemoryLimiter;

pub const MODULE: &str = "wasi_snapshot_preview1";

const ESUCCESS: i32 = 0;
const EBADF: i32 = 8;
const EFAULT: i32 = 21;
const EINVAL: i32 = 28;
const ENOSYS: i32 = 52;
const ESPIPE: i32 = 70;

const FILETYPE_CHARACTER_DEVICE: u8 = 2;
/// 2023-11-14T22:13:20Z: a fixed wall-clock start so `time.Now()` is the same in every run.
const CLOCK_START_NS: u64 = 1_700_000_000_000_000_000;
/// Each clock query advances time by this much, so busy-wait loops on the clock still end.
const CLOCK_STEP_NS: u64 = 1_000;

/// The program called `proc_exit(code)`.
#[derive(Debug, Clone, Copy)]
pub struct Exit(pub i32);

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit code {}", self.0)
    }
}
impl std::error::Error for Exit {}

/// The program wrote more to stdout than the problem allows.
#[derive(Debug, Clone, Copy)]
pub struct OutputLimitExceeded;

impl std::fmt::Display for OutputLimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("output limit exceeded")
    }
}
impl std::error::Error for OutputLimitExceeded {}

/// The per-run state a store carries: the test's stdin, captured output, clock, random state.
pub struct Ctx {
    stdin: std::sync::Arc<[u8]>,
    stdin_pos: usize,
    pub stdout: Vec<u8>,
    stdout_cap: usize,
    pub stderr: Vec<u8>,
    stderr_cap: usize,
    clock_ns: u64,
    rng: u64,
    pub limiter: MemoryLimiter,
}

impl Ctx {
    pub fn new(stdin: std::sync::Arc<[u8]>, stdout_cap: usize, stderr_cap: usize, limiter: MemoryLimiter) -> Self {
        Ctx {
            stdin,
            stdin_pos: 0,
            stdout: Vec::new(),
            stdout_cap,
            stderr: Vec::new(),
            stderr_cap,
            clock_ns: CLOCK_START_NS,
            rng: 0x9E37_79B9_7F4A_7C15,
            limiter,
        }
    }

    /// splitmix64: tiny, fixed seed, good enough for hash seeds and `math/rand`.
    fn next_random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

type Res<T> = wasmtime::Result<T>;

fn memory(caller: &mut Caller<'_, Ctx>) -> Res<Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => Ok(m),
        _ => Err(wasmtime::Error::msg("the module exports no memory")),
    }
}

/// Bounds-checked view of `len` bytes at `ptr`.
fn slice(mem: &[u8], ptr: u32, len: u32) -> Option<&[u8]> {
    mem.get(ptr as usize..(ptr as usize).checked_add(len as usize)?)
}

fn slice_mut(mem: &mut [u8], ptr: u32, len: u32) -> Option<&mut [u8]> {
    mem.get_mut(ptr as usize..(ptr as usize).checked_add(len as usize)?)
}

fn put(mem: &mut [u8], ptr: u32, bytes: &[u8]) -> Result<(), i32> {
    let dst = slice_mut(mem, ptr, bytes.len() as u32).ok_or(EFAULT)?;
    dst.copy_from_slice(bytes);
    Ok(())
}

fn get_u32(mem: &[u8], ptr: u32) -> Result<u32, i32> {
    let b = slice(mem, ptr, 4).ok_or(EFAULT)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn get_u64(mem: &[u8], ptr: u32) -> Result<u64, i32> {
    let b = slice(mem, ptr, 8).ok_or(EFAULT)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(u64::from_le_bytes(a))
}

/// Host work a call does on the program's behalf costs fuel like the program's own instructions,
/// one unit per iovec, subscription or 64 bytes filled: otherwise a loop of calls with millions
/// of empty iovecs each spends almost no fuel while the host spins, and only the wall-clock
/// backstop (seconds, and not deterministic) would stop it. Ordinary programs pass one or two
/// iovecs, so their counts barely move.
fn charge(caller: &mut Caller<'_, Ctx>, units: u64) -> Res<()> {
    let left = caller.get_fuel()?;
    if units > left {
        caller.set_fuel(0)?;
        return Err(wasmtime::Error::new(wasmtime::Trap::OutOfFuel));
    }
    caller.set_fuel(left - units)
}

/// Collapses `Result<(), errno>` into the errno WASI returns.
fn errno(r: Result<(), i32>) -> i32 {
    match r {
        Ok(()) => ESUCCESS,
        Err(e) => e,
    }
}

/// The calls `add_to_linker` defines.
const IMPLEMENTED: &[&str] = &[
    "proc_exit",
    "args_sizes_get",
    "args_get",
    "environ_sizes_get",
    "environ_get",
    "clock_res_get",
    "clock_time_get",
    "random_get",
    "sched_yield",
    "fd_write",
    "fd_read",
    "fd_close",
    "fd_fdstat_get",
    "fd_fdstat_set_flags",
    "fd_filestat_get",
    "fd_prestat_get",
    "fd_prestat_dir_name",
    "fd_seek",
    "poll_oneoff",
];

/// Registers the implemented calls on `linker`.
pub fn add_to_linker(linker: &mut Linker<Ctx>) -> Res<()> {
    let m = MODULE;
    linker.func_wrap(m, "proc_exit", |_: Caller<'_, Ctx>, code: i32| -> Res<()> {
        Err(wasmtime::Error::new(Exit(code)))
    })?;
    linker.func_wrap(m, "args_sizes_get", |mut c: Caller<'_, Ctx>, argc: u32, size: u32| {
        let mem = memory(&mut c)?;
        let data = mem.data_mut(&mut c);
        // One argument, the program name, so Go's os.Args[0] exists.
        Ok(errno(put(data, argc, &1u32.to_le_bytes()).and_then(|_| put(data, size, &5u32.to_le_bytes()))))
    })?;
    linker.func_wrap(m, "args_get", |mut c: Caller<'_, Ctx>, argv: u32, buf: u32| {
        let mem = memory(&mut c)?;
        let data = mem.data_mut(&mut c);
        Ok(errno(put(data, argv, &buf.to_le_bytes()).and_then(|_| put(data, buf, b"main\0"))))
    })?;
    linker.func_wrap(m, "environ_sizes_get", |mut c: Caller<'_, Ctx>, count: u32, size: u32| {
        let mem = memory(&mut c)?;
        let data = mem.data_mut(&mut c);
        Ok(errno(put(data, count, &0u32.to_le_bytes()).and_then(|_| put(data, size, &0u32.to_le_bytes()))))
    })?;
    linker.func_wrap(m, "environ_get", |_: Caller<'_, Ctx>, _env: u32, _buf: u32| Ok(ESUCCESS))?;
    linker.func_wrap(m, "clock_res_get", |mut c: Caller<'_, Ctx>, _id: u32, res: u32| {
        let mem = memory(&mut c)?;
        Ok(errno(put(mem.data_mut(&mut c), res, &CLOCK_STEP_NS.to_le_bytes())))
    })?;
    linker.func_wrap(m, "clock_time_get", |mut c: Caller<'_, Ctx>, _id: u32, _precision: u64, out: u32| {
        let mem = memory(&mut c)?;
        let (data, ctx) = mem.data_and_store_mut(&mut c);
        ctx.clock_ns += CLOCK_STEP_NS;
        Ok(errno(put(data, out, &ctx.clock_ns.to_le_bytes())))
    })?;
    linker.func_wrap(m, "random_get", |mut c: Caller<'_, Ctx>, buf: u32, len: u32| {
        charge(&mut c, u64::from(len) / 64)?;
        let mem = memory(&mut c)?;
        let (data, ctx) = mem.data_and_store_mut(&mut c);
        let Some(dst) = slice_mut(data, buf, len) else { return Ok(EFAULT) };
        for chunk in dst.chunks_mut(8) {
            let r = ctx.next_random().to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
        Ok(ESUCCESS)
    })?;
    linker.func_wrap(m, "sched_yield", |_: Caller<'_, Ctx>| Ok(ESUCCESS))?;
    linker.func_wrap(
        m,
        "fd_write",
        |mut c: Caller<'_, Ctx>, fd: i32, iovs: u32, iovs_len: u32, nwritten: u32| -> Res<i32> {
            charge(&mut c, u64::from(iovs_len))?;
            let mem = memory(&mut c)?;
            let (data, ctx) = mem.data_and_store_mut(&mut c);
            if !(1..=2).contains(&fd) {
                return Ok(EBADF);
            }
            let mut total: u32 = 0;
            for i in 0..iovs_len {
                let at = iovs.wrapping_add(i.wrapping_mul(8));
                let (Ok(ptr), Ok(len)) = (get_u32(data, at), get_u32(data, at.wrapping_add(4))) else {
                    return Ok(EFAULT);
                };
                let Some(bytes) = slice(data, ptr, len) else { return Ok(EFAULT) };
                if fd == 1 {
                    if ctx.stdout.len() + bytes.len() > ctx.stdout_cap {
                        return Err(wasmtime::Error::new(OutputLimitExceeded));
                    }
                    ctx.stdout.extend_from_slice(bytes);
                } else {
                    // stderr is only for panic messages: keep the start, drop the rest silently.
                    let room = ctx.stderr_cap.saturating_sub(ctx.stderr.len());
                    ctx.stderr.extend_from_slice(&bytes[..bytes.len().min(room)]);
                }
                total = total.wrapping_add(len);
            }
            Ok(errno(put(data, nwritten, &total.to_le_bytes())))
        },
    )?;
    linker.func_wrap(
        m,
        "fd_read",
        |mut c: Caller<'_, Ctx>, fd: i32, iovs: u32, iovs_len: u32, nread: u32| -> Res<i32> {
            charge(&mut c, u64::from(iovs_len))?;
            let mem = memory(&mut c)?;
            let (data, ctx) = mem.data_and_store_mut(&mut c);
            if fd != 0 {
                return Ok(EBADF);
            }
            let mut total: u32 = 0;
            for i in 0..iovs_len {
                let at = iovs.wrapping_add(i.wrapping_mul(8));
                let (Ok(ptr), Ok(len)) = (get_u32(data, at), get_u32(data, at.wrapping_add(4))) else {
                    return Ok(EFAULT);
                };
                let rest = &ctx.stdin[ctx.stdin_pos..];
                let n = rest.len().min(len as usize);
                let Some(dst) = slice_mut(data, ptr, n as u32) else { return Ok(EFAULT) };
                dst.copy_from_slice(&rest[..n]);
                ctx.stdin_pos += n;
                total = total.wrapping_add(n as u32);
                if n < len as usize {
                    break;
                }
            }
            Ok(errno(put(data, nread, &total.to_le_bytes())))
        },
    )?;
    linker.func_wrap(m, "fd_close", |_: Caller<'_, Ctx>, fd: i32| {
        Ok(if (0..=2).contains(&fd) { ESUCCESS } else { EBADF })
    })?;
    linker.func_wrap(m, "fd_fdstat_get", |mut c: Caller<'_, Ctx>, fd: i32, out: u32| {
        if !(0..=2).contains(&fd) {
            return Ok(EBADF);
        }
        let mem = memory(&mut c)?;
        let mut stat = [0u8; 24];
        stat[0] = FILETYPE_CHARACTER_DEVICE;
        // rights: fd_read (bit 1) for stdin, fd_write (bit 6) for stdout/stderr, plus poll (bit 27).
        let rights: u64 = if fd == 0 { 1 << 1 } else { 1 << 6 } | (1 << 27);
        stat[8..16].copy_from_slice(&rights.to_le_bytes());
        Ok(errno(put(mem.data_mut(&mut c), out, &stat)))
    })?;
    linker.func_wrap(m, "fd_fdstat_set_flags", |_: Caller<'_, Ctx>, fd: i32, _flags: u32| {
        Ok(if (0..=2).contains(&fd) { ESUCCESS } else { EBADF })
    })?;
    linker.func_wrap(m, "fd_filestat_get", |mut c: Caller<'_, Ctx>, fd: i32, out: u32| {
        if !(0..=2).contains(&fd) {
            return Ok(EBADF);
        }
        let mem = memory(&mut c)?;
        let mut stat = [0u8; 64];
        stat[16] = FILETYPE_CHARACTER_DEVICE;
        Ok(errno(put(mem.data_mut(&mut c), out, &stat)))
    })?;
    // No preopened directories: the first fd_prestat_get (fd 3) says there are none.
    linker.func_wrap(m, "fd_prestat_get", |_: Caller<'_, Ctx>, _fd: i32, _out: u32| Ok(EBADF))?;
    linker.func_wrap(m, "fd_prestat_dir_name", |_: Caller<'_, Ctx>, _fd: i32, _path: u32, _len: u32| Ok(EBADF))?;
    linker.func_wrap(m, "fd_seek", |_: Caller<'_, Ctx>, fd: i32, _offset: i64, _whence: u32, _out: u32| {
        Ok(if (0..=2).contains(&fd) { ESPIPE } else { EBADF })
    })?;
    linker.func_wrap(
        m,
        "poll_oneoff",
        |mut c: Caller<'_, Ctx>, subs: u32, events: u32, n: u32, nevents: u32| -> Res<i32> {
            charge(&mut c, u64::from(n))?;
            let mem = memory(&mut c)?;
            let (data, ctx) = mem.data_and_store_mut(&mut c);
            Ok(errno(poll_oneoff(data, ctx, subs, events, n, nevents)))
        },
    )?;
    Ok(())
}

/// Stdio is in memory, so fd subscriptions are always ready; with none of those, the earliest
/// clock subscription fires and the virtual clock jumps to it (a sleep costs no wall time).
fn poll_oneoff(data: &mut [u8], ctx: &mut Ctx, subs: u32, events: u32, n: u32, nevents: u32) -> Result<(), i32> {
    const SUB: u32 = 48;
    const EVENT: u32 = 32;
    if n == 0 {
        return Err(EINVAL);
    }
    struct Sub {
        userdata: u64,
        tag: u8,
        deadline: u64,
    }
    let mut list = Vec::with_capacity(n.min(64) as usize);
    for i in 0..n {
        let at = subs.checked_add(i.checked_mul(SUB).ok_or(EFAULT)?).ok_or(EFAULT)?;
        let userdata = get_u64(data, at)?;
        let tag = *slice(data, at + 8, 1).ok_or(EFAULT)?.first().ok_or(EFAULT)?;
        let deadline = if tag == 0 {
            let timeout = get_u64(data, at + 24)?;
            let flags = slice(data, at + 40, 2).ok_or(EFAULT)?;
            let absolute = flags[0] & 1 == 1;
            if absolute { timeout } else { ctx.clock_ns.saturating_add(timeout) }
        } else {
            0
        };
        list.push(Sub { userdata, tag, deadline });
    }
    let io_ready = list.iter().any(|s| s.tag != 0);
    let wake = list.iter().filter(|s| s.tag == 0).map(|s| s.deadline).min();
    if let (false, Some(w)) = (io_ready, wake) {
        ctx.clock_ns = ctx.clock_ns.max(w);
    }
    let mut count: u32 = 0;
    for s in &list {
        let fires = if io_ready { s.tag != 0 } else { s.deadline <= ctx.clock_ns };
        if !fires {
            continue;
        }
        let mut ev = [0u8; 32];
        ev[0..8].copy_from_slice(&s.userdata.to_le_bytes());
        ev[10] = s.tag;
        if s.tag == 1 {
            let left = (ctx.stdin.len() - ctx.stdin_pos) as u64;
            ev[16..24].copy_from_slice(&left.to_le_bytes());
        }
        put(data, events.wrapping_add(count.wrapping_mul(EVENT)), &ev)?;
        count += 1;
    }
    put(data, nevents, &count.to_le_bytes())
}

/// Imports of `module` that `linker` lacks. WASI calls we do not implement get a stub returning
/// `ENOSYS` (so e.g. Go's `os` init learns there is no filesystem); anything else is returned
/// by name so the judge can refuse the module.
pub fn stub_missing(linker: &mut Linker<Ctx>, module: &Module) -> Res<Vec<String>> {
    let mut foreign = Vec::new();
    let stubs: Vec<(String, FuncType)> = module
        .imports()
        .filter_map(|imp| {
            if imp.module() == MODULE && IMPLEMENTED.contains(&imp.name()) {
                return None;
            }
            match (imp.module(), imp.ty()) {
                (MODULE, wasmtime::ExternType::Func(ft))
                    if ft.results().len() == 1 && matches!(ft.results().next(), Some(ValType::I32)) =>
                {
                    Some(Ok((imp.name().to_owned(), ft)))
                }
                _ => Some(Err(format!("{}::{}", imp.module(), imp.name()))),
            }
        })
        .filter_map(|r| match r {
            Ok(s) => Some(s),
            Err(name) => {
                foreign.push(name);
                None
            }
        })
        .collect();
    let mut defined = std::collections::HashSet::new();
    for (name, ty) in stubs {
        // A module may import the same function more than once.
        if !defined.insert(name.clone()) {
            continue;
        }
        linker.func_new(MODULE, &name, ty, |_, _, results: &mut [Val]| {
            results[0] = Val::I32(ENOSYS);
            Ok(())
        })?;
    }
    Ok(foreign)
}
