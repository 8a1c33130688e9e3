function handler(input, callback) {
  callback(null, input.payload);
}

module.exports = handler;
