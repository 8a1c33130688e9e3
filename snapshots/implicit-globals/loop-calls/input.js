// `helper` runs its own loop over `k` inside the first loop: the two share the name, as in V1.
function lambda(input, callback) {
    const out = [];
    for (k in input.a) { helper(input.b); out.push(k); }
    for (m in input.a) { const x = m; out.push(x); }
    callback(null, out);
}
function helper(b) { for (k in b) {} }
