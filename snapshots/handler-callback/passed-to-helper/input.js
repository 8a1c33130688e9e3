function lambda(input, callback) {
  validate(input.payload, callback);
}

function validate(payload, callback) {
  if (!payload) return callback(new Error("invalid"));
  callback(null, payload);
}
