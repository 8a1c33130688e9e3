function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secretClient = Toolbelt.SecretClient();
  secretClient
    .readSecret("KEY")
    .then(_ => {
      secretClient.updateSecret({
        key: "x",
        value: "y"
      }).then(response => {
        callback(null, response);
      }).catch(err => callback(err));
    }).catch(err => callback(err));
}
