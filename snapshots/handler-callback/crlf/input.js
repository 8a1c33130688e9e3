function lambda(input, callback) {
    let err = input.payload.error;
    if (input.payload.bare) callback(err, 1);
    callback(err, input.payload.value);
}
