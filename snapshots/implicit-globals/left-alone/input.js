function lambda(input, callback) {
    if (!cache) cache = {};
    if (typeof seen === "undefined") seen = 0;
    seen++;
    hits = (hits || 0) + 1;
    globalThis.shared = input.payload;
    shared = null;
    Promise = global.Promise;
    callback(null, { cache, seen, hits, shared, depth: depth(3) });
}

function depth(n) {
    level = n;
    if (n > 0) depth(n - 1);
    return level;
}
