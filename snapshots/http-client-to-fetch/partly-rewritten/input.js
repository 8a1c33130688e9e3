const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();
async function lambda(input, callback) {
  const profile = await httpClient("https://api.example.com/profiles/" + input.payload.id, { json: true });
  const avatar = await httpClient("https://api.example.com/avatars/" + input.payload.id, { encoding: null });
  callback(null, { profile, avatar });
}
