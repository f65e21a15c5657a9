// Driver for `quote_fees`: parses R rules "network country min max bps fixed" and Q payments
// "network country amount", calls the learner's function (in solution.rs), prints one fee per
// payment ("none" for -1) and the total of the fees.
use std::io::{Read, Write};

/// One pricing rule: matches `network` (or any, if "*") and `country` (or any, if "*") for
/// amounts in [min, max). Its fee is amount × bps / 10 000, rounded half up, plus `fixed` cents.
#[derive(Clone, Debug)]
pub struct Rule {
    pub network: String,
    pub country: String,
    pub min: i64,
    pub max: i64,
    pub bps: i64,
    pub fixed: i64,
}

/// One payment to price: its card network, the card's country and the amount in cents.
#[derive(Clone, Debug)]
pub struct Payment {
    pub network: String,
    pub country: String,
    pub amount: i64,
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut word = || it.next().unwrap_or("0");
    let r: usize = word().parse().expect("a number");
    let mut rules = Vec::with_capacity(r);
    for _ in 0..r {
        let network = word().to_string();
        let country = word().to_string();
        let min = word().parse().expect("a number");
        let max = word().parse().expect("a number");
        let bps = word().parse().expect("a number");
        let fixed = word().parse().expect("a number");
        rules.push(Rule { network, country, min, max, bps, fixed });
    }
    let q: usize = word().parse().expect("a number");
    let mut payments = Vec::with_capacity(q);
    for _ in 0..q {
        let network = word().to_string();
        let country = word().to_string();
        let amount = word().parse().expect("a number");
        payments.push(Payment { network, country, amount });
    }
    let fees = quote_fees(&rules, &payments);
    assert_eq!(fees.len(), q, "quote_fees must return one fee per payment");
    let mut out = String::with_capacity(12 * q + 32);
    let mut total: i64 = 0;
    for f in fees {
        if f < 0 {
            out.push_str("none\n");
        } else {
            total += f;
            out.push_str(&f.to_string());
            out.push('\n');
        }
    }
    out.push_str(&format!("total {total}\n"));
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
