// Kruskal without union-find: before taking a link, search the links chosen so far (BFS) to see
// whether its endpoints are already connected. O(m · n): must exceed the time limit.
fn cheapest_network(n: usize, links: &[(usize, usize, i64)]) -> (i64, usize) {
    let mut edges = links.to_vec();
    edges.sort_by_key(|e| e.2);
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut total = 0i64;
    let mut used = 0;
    for &(u, v, c) in &edges {
        let mut seen = vec![false; n];
        let mut queue = std::collections::VecDeque::new();
        seen[u] = true;
        queue.push_back(u);
        while let Some(x) = queue.pop_front() {
            for &y in &adj[x] {
                if !seen[y] {
                    seen[y] = true;
                    queue.push_back(y);
                }
            }
        }
        if !seen[v] {
            adj[u].push(v);
            adj[v].push(u);
            total += c;
            used += 1;
        }
    }
    (total, n - used)
}
