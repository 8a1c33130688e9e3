function lambda(input, callback) {
  if (!input.payload) {
    return callback(new Error("missing payload"));
  }
  const kind = input.payload.kind;
  if (kind === "empty") {
    callback(null);
    return;
  } else if (kind === "nothing") {
    return callback();
  }
  // the regular answer
  callback(null, { kind: kind, ok: true }); // done
}
