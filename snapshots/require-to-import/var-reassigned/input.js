function lambda(input, callback) {
  var crypto = require("crypto");
  if (input.payload.mock) {
    crypto = { randomUUID: () => "mock" };
  }
  callback(null, crypto.randomUUID());
}
