function lambda(input, callback) {
  return check(input.payload, callback);
}

function check(payload, callback) {
  if (!payload.id) {
    callback(new Error("no id"));
  } else {
    callback(null, payload.id);
  }
}
