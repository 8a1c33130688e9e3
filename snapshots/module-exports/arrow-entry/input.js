module.exports = async (input, callback) => {
  callback(null, input.payload);
};
