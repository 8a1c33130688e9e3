module.exports = function(input, callback) {
  callback(null, 1);
}
