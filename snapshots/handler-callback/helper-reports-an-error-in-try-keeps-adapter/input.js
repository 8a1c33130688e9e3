function lambda(input, callback) {
  try {
    return check(input.payload, callback);
  } catch (err) {
    return callback(null, "fallback");
  }
}

function check(payload, callback) {
  if (!payload.id) {
    callback(new Error("no id"));
  } else {
    callback(null, payload.id);
  }
}
