async function lambda(input) {
  if (!input.payload) {
    // TODO(faas-migrate): in V1 this path never called back (the invocation timed out); V2 fails here instead: return a value or throw a clearer error [handler-callback]
    throw new Error("lambda ended without a result (in V1 this invocation timed out)");
  }
  return input.payload.value;
}
