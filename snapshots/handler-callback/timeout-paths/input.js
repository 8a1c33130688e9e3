function lambda(input, callback) {
  if (input.payload.skip) {
    return;
  }
  if (input.payload.ok) {
    callback(null, "ok");
  }
}
