use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::HashMap;

// Straightforward version: String keys built with format!, cloned vectors, a heap of tuples.
fn quote_fees(rules: &[Rule], payments: &[Payment]) -> Vec<i64> {
    // group rules by "network|country"
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..rules.len() {
        let key = format!("{}|{}", rules[i].network, rules[i].country);
        groups.entry(key).or_insert(Vec::new()).push(i);
    }
    // for each group: the sorted endpoints and the best rule on each segment
    let mut points: HashMap<String, Vec<i64>> = HashMap::new();
    let mut bests: HashMap<String, Vec<Option<usize>>> = HashMap::new();
    for (key, ids) in groups.iter() {
        let mut xs: Vec<i64> = Vec::new();
        for &i in ids {
            xs.push(rules[i].min);
            xs.push(rules[i].max);
        }
        xs.sort();
        xs.dedup();
        let mut sorted = ids.clone();
        sorted.sort_by(|&a, &b| rules[a].min.cmp(&rules[b].min));
        let mut heap: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
        let mut best: Vec<Option<usize>> = Vec::new();
        let mut k = 0;
        for x in xs.clone() {
            while k < sorted.len() && rules[sorted[k]].min <= x {
                let i = sorted[k];
                heap.push(Reverse((rules[i].max - rules[i].min, i)));
                k += 1;
            }
            while !heap.is_empty() && rules[heap.peek().unwrap().0 .1].max <= x {
                heap.pop();
            }
            if heap.is_empty() {
                best.push(None);
            } else {
                best.push(Some(heap.peek().unwrap().0 .1));
            }
        }
        points.insert(key.clone(), xs);
        bests.insert(key.clone(), best);
    }
    let mut result = Vec::new();
    for p in payments {
        let keys = vec![
            format!("{}|{}", p.network, p.country),
            format!("{}|*", p.network),
            format!("*|{}", p.country),
            "*|*".to_string(),
        ];
        let mut fee = -1;
        for key in keys {
            if !points.contains_key(&key) {
                continue;
            }
            let xs = &points[&key];
            // binary search for the last point <= amount
            let (mut lo, mut hi) = (0usize, xs.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if xs[mid] <= p.amount {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo == 0 {
                continue;
            }
            if let Some(i) = bests[&key][lo - 1] {
                let r = rules[i].clone();
                fee = (p.amount * r.bps + 5000) / 10000 + r.fixed;
                break;
            }
        }
        result.push(fee);
    }
    result
}
