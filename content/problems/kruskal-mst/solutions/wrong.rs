// Correct Kruskal, but the total is kept in 32 bits: costs up to 10^9 each fit, their sum does
// not. Must get WA.
fn cheapest_network(n: usize, links: &[(usize, usize, i64)]) -> (i64, usize) {
    let mut edges = links.to_vec();
    edges.sort_by_key(|e| e.2);
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut total: i32 = 0;
    let mut components = n;
    for (u, v, c) in edges {
        let (a, b) = (find(&mut parent, u), find(&mut parent, v));
        if a != b {
            parent[a] = b;
            total += c as i32;
            components -= 1;
        }
    }
    (total as i64, components)
}
