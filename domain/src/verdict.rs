use crate::parse::string_enum;

/// What the judge says about a submission or one test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Accepted.
    AC,
    /// Wrong answer.
    WA,
    /// Time limit exceeded: ran out of fuel (or, as a backstop, of wall-clock time).
    TLE,
    /// Memory limit exceeded.
    MLE,
    /// Output limit exceeded.
    OLE,
    /// Runtime error: trap, panic, non-zero exit.
    RE,
    /// Compile error.
    CE,
    /// Internal error: the judge's fault, logged.
    IE,
    /// Cancelled by the learner before the judge finished (not a judgement of the code).
    Cancelled,
}

string_enum!(Verdict, "verdict", {
    AC => "AC", WA => "WA", TLE => "TLE", MLE => "MLE", OLE => "OLE", RE => "RE", CE => "CE", IE => "IE",
    Cancelled => "cancelled",
});

impl Verdict {
    /// "Accepted", "Wrong answer", …
    pub const fn description(self) -> &'static str {
        match self {
            Verdict::AC => "Accepted",
            Verdict::WA => "Wrong answer",
            Verdict::TLE => "Time limit exceeded",
            Verdict::MLE => "Memory limit exceeded",
            Verdict::OLE => "Output limit exceeded",
            Verdict::RE => "Runtime error",
            Verdict::CE => "Compile error",
            Verdict::IE => "Internal error",
            Verdict::Cancelled => "Cancelled",
        }
    }

    /// Lower-case code for CSS classes (`verdict-ac`).
    pub fn css(self) -> String {
        self.as_str().to_ascii_lowercase()
    }
}
