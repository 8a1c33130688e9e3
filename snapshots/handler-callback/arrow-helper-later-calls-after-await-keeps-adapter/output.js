// The helper waits before it answers: a promise handler may call back first.
async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const { Toolbelt } = require("lp-faas-toolbelt");
      const secretClient = Toolbelt.SecretClient();

      const run = async (name, callback) => {
        secretClient.readSecret(name).then((secret) => {
          callback(null, { early: secret.value });
        });
        const settings = await secretClient.readSecret("settings");
        callback(null, settings.value);
      };
      run(input.payload.name, callback);
    })().catch(reject);
  });
}
