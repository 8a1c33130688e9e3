const crypto = require("crypto");

module.exports = async function (input, callback) {
  const id = crypto.createHash("md5").update(input.payload.text).digest("hex");
  callback(null, { id: id, length: input.payload.text.length });
};
