const { Toolbelt } = require("lp-faas-toolbelt");

module.exports = async function (input, callback) {
  const secret = await Toolbelt.SecretClient().readSecret("key");
  callback(null, secret.value);
};
