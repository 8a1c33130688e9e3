exports.lambda = function lambda(input, callback) {
  callback(null, input.payload);
}
