//! What the judge checks in a compiled program before wasmtime compiles it: its size, and how
//! much memory its data segments initialise.
//!
//! Both bound the judge's own costs, which fuel does not cover. A big initialised table
//! (`static T: [u8; 60 << 20] = [1; …]`) is a big module that the module cache keeps and every
//! test maps. And a program whose initialised data spans more than wasmtime's dense-image size
//! gets no copy-on-write memory image: wasmtime then compiles a start-up function that copies
//! every data segment in with Cranelift. A Go program has ~27,000 segments, so one line
//! (`var t = [40 << 20]byte{40<<20 - 1: 1}`) cost a judge worker over a minute of module
//! compilation that nothing can interrupt. Real solutions are far below both limits.

use wasmparser::{DataKind, Operator, Parser, Payload};

use crate::limits::{MAX_INITIALISED_SPAN, MAX_MODULE_BYTES};

/// `Err(message for the learner)` if the program is refused.
pub fn admit(wasm: &[u8]) -> Result<(), String> {
    if wasm.len() > MAX_MODULE_BYTES {
        return Err(format!(
            "the compiled program is {} MiB; the judge takes at most {} MiB (compute large tables at run time \
             instead of initialising them in the source)",
            wasm.len() >> 20,
            MAX_MODULE_BYTES >> 20
        ));
    }
    let span = initialised_span(wasm)?;
    if span > MAX_INITIALISED_SPAN {
        return Err(format!(
            "the program's initialised data spans {} MiB of memory; the judge takes at most {} MiB (compute large \
             tables at run time instead of initialising them in the source)",
            span >> 20,
            MAX_INITIALISED_SPAN >> 20
        ));
    }
    Ok(())
}

/// From the first to the last byte active data segments write, in bytes. A module wasmtime
/// would reject anyway reads as 0 here: its own error then says why.
fn initialised_span(wasm: &[u8]) -> Result<u64, String> {
    let (mut low, mut high) = (u64::MAX, 0u64);
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(Payload::DataSection(reader)) = payload else { continue };
        for data in reader {
            let Ok(data) = data else { return Ok(0) };
            let DataKind::Active { offset_expr, .. } = data.kind else { continue };
            if data.data.is_empty() {
                continue;
            }
            let Some(offset) = constant_offset(&offset_expr) else {
                // rustc and Go only place data at constant offsets.
                return Err("the program places data at computed addresses, which the judge does not take".into());
            };
            low = low.min(offset);
            high = high.max(offset + data.data.len() as u64);
        }
    }
    Ok(high.saturating_sub(low))
}

fn constant_offset(expr: &wasmparser::ConstExpr<'_>) -> Option<u64> {
    let mut ops = expr.get_operators_reader();
    let offset = match ops.read().ok()? {
        Operator::I32Const { value } => u64::from(value as u32),
        Operator::I64Const { value } => value as u64,
        _ => return None,
    };
    matches!(ops.read().ok()?, Operator::End).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one memory and active data segments at these (offset, length) places.
    fn module(segments: &[(u32, u32)]) -> Vec<u8> {
        let mut data = vec![segments.len() as u8];
        for &(offset, len) in segments {
            data.push(0); // active, memory 0
            data.push(0x41); // i32.const
            leb(&mut data, offset);
            data.push(0x0b); // end
            leb(&mut data, len);
            data.extend(std::iter::repeat_n(1u8, len as usize));
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([5, 3, 1, 0, 1]); // memory section: one memory of one page (bounds are wasmtime's to check)
        wasm.push(11);
        let mut size = Vec::new();
        leb(&mut size, data.len() as u32);
        wasm.extend(size);
        wasm.extend(data);
        wasm
    }

    fn leb(out: &mut Vec<u8>, mut v: u32) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    #[test]
    fn the_span_runs_from_the_first_to_the_last_initialised_byte() {
        assert_eq!(initialised_span(&module(&[(1024, 8), (4096, 4)])), Ok(4096 + 4 - 1024));
        assert!(admit(&module(&[(0, 1), ((16 << 20) - 1, 1)])).is_ok(), "16 MiB: at the limit");
        assert!(admit(&module(&[(0, 1), (16 << 20, 1)])).is_err(), "a byte more");
        let far = admit(&module(&[(0, 1), (40 << 20, 1)])).unwrap_err();
        assert!(far.contains("spans 40 MiB"), "{far}");
    }
}
