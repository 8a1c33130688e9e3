var ALLOWED_TYPES = ['order', 'return'];

function lambda(input, callback) {
    var payload = input.payload;

    if (ALLOWED_TYPES.indexOf(payload.type) === -1) {
        console.warn('unexpected request type', payload.type);
        return;
    }

    callback(null, { type: payload.type, reference: payload.reference });
}
