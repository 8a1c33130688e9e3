// TODO(faas-migrate): V2 calls a top-level function named `lambda`: declare this one as `async function lambda(input, callback) { … }` [module-exports]
module.exports = async (input, callback) => {
  callback(null, input.payload);
};
