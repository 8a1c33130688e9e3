function lambda(input, callback) {
  const payload = input.payload;
  return check(payload, callback);
}

function check(payload, callback) {
  if (!payload.id) {
    callback(new Error("no id given"));
  } else {
    callback(null, { id: payload.id });
  }
}
