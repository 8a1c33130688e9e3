const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  return new Promise((resolve, reject) => {
    const done = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const count = Number(input.payload.count) + 1;
      done(null, count);
      await secretClient.updateSecret({ key: "counter", value: String(count) });
      console.log("stored", count);
    })().catch(reject);
  });
}
