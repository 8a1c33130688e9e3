function lambda(input, callback) {
  const reply = { echo: input.payload };
  callback(null, reply);
  console.info("replied");
}
