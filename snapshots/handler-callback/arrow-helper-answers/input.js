function lambda(input, callback) {
  const reply = (status, done) => {
    if (status >= 400) {
      done(null, { status, message: "rejected" });
    } else {
      done(null, { status });
    }
  };
  const status = input.payload.valid ? 200 : 422;
  reply(status, callback);
}
