// Lets the narrowest range win across specificity levels: a narrow '*' + '*' promotion beats
// the merchant's own exact rule. Must get WA.
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

// The lookup index, built once: rules grouped by their exact (network, country) pair, "*"
// included. In each group the range endpoints cut the amount axis into elementary segments;
// a sweep with a heap ordered by (width, index) records the winning rule of every segment.
// A payment then costs at most four hash lookups and four binary searches:
// O(R log R + Q log R) in all.
struct Group {
    cuts: Vec<i64>,       // sorted distinct endpoints
    winner: Vec<usize>,   // winner[j]: best rule on [cuts[j], cuts[j+1]), or NONE
}

const NONE: usize = usize::MAX;

fn build(rules: &[Rule], mut ids: Vec<usize>) -> Group {
    let mut cuts: Vec<i64> = ids.iter().flat_map(|&i| [rules[i].min, rules[i].max]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    ids.sort_unstable_by_key(|&i| rules[i].min);
    let mut heap = BinaryHeap::new();
    let mut winner = Vec::with_capacity(cuts.len());
    let mut next = 0;
    for &x in &cuts {
        while next < ids.len() && rules[ids[next]].min <= x {
            let r = &rules[ids[next]];
            heap.push(Reverse((r.max - r.min, ids[next])));
            next += 1;
        }
        while let Some(&Reverse((_, i))) = heap.peek() {
            if rules[i].max > x {
                break;
            }
            heap.pop(); // its range ended at or before x
        }
        winner.push(heap.peek().map_or(NONE, |&Reverse((_, i))| i));
    }
    Group { cuts, winner }
}

fn quote_fees(rules: &[Rule], payments: &[Payment]) -> Vec<i64> {
    let mut by_key: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        by_key.entry((r.network.as_str(), r.country.as_str())).or_default().push(i);
    }
    let index: HashMap<(&str, &str), Group> =
        by_key.into_iter().map(|(k, ids)| (k, build(rules, ids))).collect();
    payments
        .iter()
        .map(|p| {
            let (n, c) = (p.network.as_str(), p.country.as_str());
            // wrong: takes the narrowest candidate over all four levels instead of the most
            // specific level that matches.
            let mut best: Option<(i64, usize)> = None;
            for key in [(n, c), (n, "*"), ("*", c), ("*", "*")] {
                let Some(g) = index.get(&key) else { continue };
                let j = g.cuts.partition_point(|&x| x <= p.amount);
                if j > 0 && g.winner[j - 1] != NONE {
                    let i = g.winner[j - 1];
                    let cand = (rules[i].max - rules[i].min, i);
                    if best.map_or(true, |b| cand < b) {
                        best = Some(cand);
                    }
                }
            }
            match best {
                Some((_, i)) => (p.amount * rules[i].bps + 5000) / 10000 + rules[i].fixed,
                None => -1,
            }
        })
        .collect()
}
