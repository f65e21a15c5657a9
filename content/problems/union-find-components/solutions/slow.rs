// Quick-find: every union relabels the whole array. O(n·m): must exceed the time limit.
fn count_components(n: usize, edges: &[(usize, usize)]) -> usize {
    let mut label: Vec<usize> = (0..n).collect();
    let mut components = n;
    for &(a, b) in edges {
        let (la, lb) = (label[a], label[b]);
        if la == lb {
            continue;
        }
        for l in label.iter_mut() {
            if *l == lb {
                *l = la;
            }
        }
        components -= 1;
    }
    components
}
