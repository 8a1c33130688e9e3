import cryptoModule from "crypto";

function lambda(input, callback) {
  var crypto = cryptoModule;
  if (input.payload.mock) {
    crypto = { randomUUID: () => "mock" };
  }
  callback(null, crypto.randomUUID());
}
