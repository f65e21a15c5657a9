use std::collections::HashMap;

// One pass over every frame: each name is interned to a small id through a hash map, and a
// stamp array (the index of the last sample that counted the id) charges cum once per sample
// even when the function recurses. O(total frames) expected, plus O(F log F) for the sorting.
fn profile_top(samples: &[(i64, Vec<String>)], k: usize) -> (Vec<(String, i64, i64)>, Vec<(String, i64, i64)>) {
    let mut id: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut flat: Vec<i64> = Vec::new();
    let mut cum: Vec<i64> = Vec::new();
    let mut stamp: Vec<usize> = Vec::new(); // sample index + 1 that last added to cum
    for (i, (count, stack)) in samples.iter().enumerate() {
        let mut leaf = 0;
        for f in stack {
            let f = f.as_str();
            let x = *id.entry(f).or_insert_with(|| {
                names.push(f);
                flat.push(0);
                cum.push(0);
                stamp.push(0);
                names.len() - 1
            });
            if stamp[x] != i + 1 {
                stamp[x] = i + 1;
                cum[x] += count;
            }
            leaf = x;
        }
        if !stack.is_empty() {
            flat[leaf] += count;
        }
    }
    let table = |key: &Vec<i64>| -> Vec<(String, i64, i64)> {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_unstable_by(|&a, &b| key[b].cmp(&key[a]).then_with(|| names[a].cmp(names[b])));
        order.truncate(k);
        order.into_iter().map(|x| (names[x].to_string(), flat[x], cum[x])).collect()
    };
    (table(&flat), table(&cum))
}
