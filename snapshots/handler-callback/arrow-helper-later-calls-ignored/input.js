function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secretClient = Toolbelt.SecretClient();
  const names = ["bot-a", "bot-b"];

  const run = async (input, callback) => {
    const store = (name, token) => {
      secretClient
        .readSecret(name)
        .then((secret) => {
          secret.value = { ...secret.value, token };
          return secretClient.updateSecret(secret);
        })
        .then(() => {
          callback(null, { message: "stored" });
        })
        .catch((err) => {
          console.error(`could not store ${name}: ${err.message}`);
          callback(err, null);
        });
    };
    const refresh = async () => {
      for (const name of names) {
        store(name, input.payload.token);
      }
      return { refreshed: names.length };
    };
    callback(null, refresh());
  };
  run(input, callback);
}
