function lambda(input, callback) {
    callback(null, { phone: input.payload.phone });
}
