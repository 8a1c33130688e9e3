const { Toolbelt } = require("lp-faas-toolbelt");
const fetch = require("node-fetch");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const a = await httpClient("https://api.example.com/a");
  callback(null, { a, b: await fetch("https://api.example.com/b") });
}
