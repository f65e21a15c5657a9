// Kruskal: sort a copy of the links by cost, take each link whose endpoints are still in
// different components (union-find with union by size and path halving). Every accepted link
// merges two components. O(m log m) for the sort, O(m · α(n)) for the unions.
fn cheapest_network(n: usize, links: &[(usize, usize, i64)]) -> (i64, usize) {
    let mut order: Vec<(i64, u32, u32)> =
        links.iter().map(|&(u, v, c)| (c, u as u32, v as u32)).collect();
    order.sort_unstable_by_key(|e| e.0);
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size = vec![1u32; n];
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let grand = parent[parent[x as usize] as usize];
            parent[x as usize] = grand; // path halving
            x = grand;
        }
        x
    }
    let mut total = 0i64;
    let mut components = n;
    for (c, u, v) in order {
        if components == 1 {
            break; // a tree on n nodes has n − 1 links: nothing more can be accepted
        }
        let (mut a, mut b) = (find(&mut parent, u), find(&mut parent, v));
        if a == b {
            continue; // already connected: this link would close a cycle
        }
        if size[a as usize] < size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        parent[b as usize] = a;
        size[a as usize] += size[b as usize];
        total += c;
        components -= 1;
    }
    (total, components)
}
