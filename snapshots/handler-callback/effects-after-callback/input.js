const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input, done) {
  const count = Number(input.payload.count) + 1;
  done(null, count);
  await secretClient.updateSecret({ key: "counter", value: String(count) });
  console.log("stored", count);
}
