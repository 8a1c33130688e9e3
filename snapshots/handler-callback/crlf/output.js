async function lambda(input) {
    let err = input.payload.error;
    if (input.payload.bare) { if (err != null) throw err; return 1; }
    if (err != null) throw err;
    return input.payload.value;
}
