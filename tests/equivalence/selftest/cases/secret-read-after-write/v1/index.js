const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

function lambda(input, callback) {
  secretClient
    .readSecret("counter")
    .then(({ value }) => secretClient.updateSecret({ key: "counter", value: String(Number(value) + 1) }))
    .then(() => secretClient.readSecret("counter"))
    .then(({ value }) => callback(null, { counter: value }))
    .catch((err) => callback(err));
}
