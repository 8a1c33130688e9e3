// A handler already async: the inline require and the HTTP call are rewritten in one pass. The
// import takes the name `response` first, so the full response gets another name, and
// `response.greeting` still reads the JSON file.
const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input) {
  const res = await httpClient({ uri: "https://api.example.com/items", json: true, resolveWithFullResponse: true });
  return { status: res.statusCode, greeting: require("./response.json").greeting };
}
