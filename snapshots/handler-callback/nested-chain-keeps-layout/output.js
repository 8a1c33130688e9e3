async function lambda(input) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secretClient = Toolbelt.SecretClient();
  await secretClient.readSecret("KEY");
  const response = await secretClient.updateSecret({
    key: "x",
    value: "y"
  });
  return response;
}
