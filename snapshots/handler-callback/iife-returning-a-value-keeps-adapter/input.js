function lambda(input, callback) {
  (async () => {
    if (!input.payload) {
      return "ignored";
    }
    callback(null, input.payload.value);
  })();
}
