async function lambda(input) {
  switch (input.payload.action) {
    case "ping":
      return "pong";
    case "echo":
      return input.payload;
    default:
      throw new Error("unknown action");
  }
}

function findFirst(items, predicate) {
  return items.find(predicate);
}
