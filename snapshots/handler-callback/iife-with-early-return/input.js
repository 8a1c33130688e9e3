function lambda(input, callback) {
  (async () => {
    if (!input.payload) {
      return;
    }
    callback(null, input.payload.value);
  })();
}
