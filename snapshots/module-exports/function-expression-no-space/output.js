function lambda(input, callback) {
  callback(null, 1);
}
