// Kruskal as it is usually written: clone the edges, sort them, recursive find with path
// compression (no union by size).
fn find(parent: &mut Vec<usize>, x: usize) -> usize {
    if parent[x] != x {
        let root = find(parent, parent[x]);
        parent[x] = root;
    }
    parent[x]
}

fn cheapest_network(n: usize, links: &[(usize, usize, i64)]) -> (i64, usize) {
    let mut edges = links.to_vec();
    edges.sort_by(|a, b| a.2.cmp(&b.2));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut total: i64 = 0;
    let mut used = 0;
    for e in edges.iter() {
        let a = find(&mut parent, e.0);
        let b = find(&mut parent, e.1);
        if a != b {
            parent[a] = b;
            total += e.2;
            used += 1;
        }
    }
    (total, n - used)
}
