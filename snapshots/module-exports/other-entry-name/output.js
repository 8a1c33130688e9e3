function handler(input, callback) {
  callback(null, input.payload);
}

// TODO(faas-migrate): V2 calls a top-level function named `lambda`: rename `handler` to `lambda` and remove this export [module-exports]
module.exports = handler;
