function lambda(input, callback) {
  const started = input.payload.name;
  setTimeout(() => {
    if (!started) {
      callback(new Error("no name"));
      return;
    }
    callback(null, { greeting: `Hello ${started}` });
  }, 50);
}
