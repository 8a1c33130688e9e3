module.exports = function makeClient() {
  return {};
};
