const a = 0o10, b = 10, c = 0.25, d = "\x01\0", e = '\\0123', f = 1e09;

function lambda(input, callback) {
    callback(null, [a, b, c, d, e, f]);
}
