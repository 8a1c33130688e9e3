function lambda(input, callback) {
    const out = [];
    for (key in input.payload.counts) {
        out.push(key + "=" + input.payload.counts[key]);
    }
    for (line of input.payload.lines) {
        line = line.trim();
        out.push(line);
    }
    for (n = 0; n < 3; n++) out.push(n);
    for (key of ["a", "b"]) {
        out.push(key.toUpperCase());
    }
    // The handlers see the global, not one value per iteration: left to a declaration outside.
    for (tag of input.payload.tags) {
        out.push(() => tag);
    }
    // Nested loops over one name share it.
    for (j = 0; j < 2; j++) {
        for (j in input.payload.counts) out.push(j);
    }
    callback(null, out.map((o) => (typeof o === "function" ? o() : o)));
}
