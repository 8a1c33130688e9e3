function lambda(input, callback) {
  load(input.payload.id).then((item) => callback(null, item)).catch((err) => callback(err));
  console.log("lookup started");
}
