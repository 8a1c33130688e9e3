async function lambda(input) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secretClient = Toolbelt.SecretClient();
  const names = ["bot-a", "bot-b"];

  const run = async (input) => {
    const store = (name, token) => {
      secretClient
        .readSecret(name)
        .then((secret) => {
          secret.value = { ...secret.value, token };
          return secretClient.updateSecret(secret);
        })
        .catch((err) => {
          console.error(`could not store ${name}: ${err.message}`);
        });
    };
    const refresh = async () => {
      for (const name of names) {
        store(name, input.payload.token);
      }
      return { refreshed: names.length };
    };
    return refresh();
  };
  return run(input);
}
