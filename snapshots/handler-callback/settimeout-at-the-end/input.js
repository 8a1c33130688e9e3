function lambda(input, callback) {
  console.info("waiting");
  setTimeout(() => {
    callback(null, `Hello ${input.payload.name}`);
  }, 2 * 1000);
}
