function lambda(input, callback) {
  switch (input.payload.action) {
    case "ping":
      callback(null, "pong");
      break;
    case "echo":
      return callback(null, input.payload);
    default:
      callback(new Error("unknown action"));
  }
}

function findFirst(items, predicate) {
  return items.find(predicate);
}
