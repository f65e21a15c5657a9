fn count_components(n: usize, edges: &[(usize, usize)]) -> usize {
    // Disjoint-set union: union by size, path halving.
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1u32; n];
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut components = n;
    for &(a, b) in edges {
        let (mut ra, mut rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        if size[ra] < size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        components -= 1;
    }
    components
}
