// Counts invocations in a global that is read before it is ever assigned.
function lambda(input, callback) {
    if (!invocations) {
        invocations = 0;
    }
    invocations++;
    callback(null, { invocations: invocations });
}
