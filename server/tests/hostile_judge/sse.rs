//! Reads a finished server-sent event stream the way a browser's `EventSource` does (blank
//! lines end events, `:` lines are comments, `field: value` otherwise), and checks it is what
//! the submission's stream must be: only `data` fields, each a `ProgressEvent` of this
//! submission, ending with exactly one finished event.

use domain::{ProgressEvent, Verdict};

#[derive(Debug, Default)]
struct RawEvent {
    fields: Vec<(String, String)>,
}

fn events(body: &str) -> Vec<RawEvent> {
    let mut out = Vec::new();
    let mut current = RawEvent::default();
    // CRLF, LF and CR all end a line in the SSE grammar.
    let normalised = body.replace("\r\n", "\n").replace('\r', "\n");
    for line in normalised.split('\n') {
        if line.is_empty() {
            if !current.fields.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with(':') {
            continue;
        }
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        current.fields.push((name.to_string(), value.strip_prefix(' ').unwrap_or(value).to_string()));
    }
    if !current.fields.is_empty() {
        out.push(current);
    }
    out
}

/// The verdict the stream ends with, or what is wrong with it.
pub fn final_verdict(body: &str, submission: i64) -> Result<Verdict, String> {
    let mut progress = Vec::new();
    for event in events(body) {
        let mut data = Vec::new();
        for (name, value) in &event.fields {
            if name != "data" {
                return Err(format!("a `{name}:` field reached the stream: {body:?}"));
            }
            data.push(value.as_str());
        }
        let data = data.join("\n");
        let parsed: ProgressEvent =
            serde_json::from_str(&data).map_err(|e| format!("data is not a progress event ({e}): {data:?}"))?;
        if parsed.submission != submission {
            return Err(format!("an event of submission {} in the stream of {submission}", parsed.submission));
        }
        progress.push(parsed);
    }
    let finished: Vec<_> = progress.iter().filter(|e| e.finished).collect();
    match (finished.as_slice(), progress.last()) {
        ([one], Some(last)) if last.finished => one.verdict.ok_or_else(|| "finished without a verdict".into()),
        _ => Err(format!("{} finished events, last {:?}: {body:?}", finished.len(), progress.last())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_formed_stream_gives_its_verdict_and_an_injected_field_is_caught() {
        let ok = "data: {\"submission\":5,\"done\":0,\"total\":3,\"verdict\":null,\"finished\":false}\n\n:\n\n\
                  data: {\"submission\":5,\"done\":1,\"total\":3,\"verdict\":\"WA\",\"finished\":true}\n\n";
        assert_eq!(final_verdict(ok, 5), Ok(Verdict::WA));
        assert!(final_verdict(ok, 6).is_err());
        let injected = format!("{ok}event: verdict\ndata: {{}}\n\n");
        assert!(final_verdict(&injected, 5).unwrap_err().contains("`event:`"));
        assert!(final_verdict("", 5).is_err());
    }
}
