const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

const defaults = { json: true, timeout: 3000 };

// A function of the file's own with the name the helper would take.
function requestPromise(text) {
  return Promise.resolve(text);
}

async function post(options) {
  options.headers = { ...options.headers, "X-Source": "bot" };
  return httpClient.post(options);
}

async function lambda(input, callback) {
  const query = { ...defaults, uri: "https://api.example.com/search", qs: { q: input.payload.q } };
  const found = await httpClient(query);
  const created = await post({ uri: "https://api.example.com/items", body: { name: input.payload.name }, json: true });
  const listed = await httpClient.get("https://api.example.com/items", input.payload.listOptions);
  const flagged = await httpClient("https://api.example.com/flags", {
    json: input.payload.asJson,
    headers: { "X-Flag": "1" },
  });
  httpClient.del("https://api.example.com/items/" + created.id, { ...defaults, method: "POST" }).then(() => {
    callback(null, { found, listed, flagged, echoed: requestPromise("ok") });
  });
  const raw = await httpClient({ ...defaults, uri: "https://api.example.com/raw", encoding: null });
  const signed = { uri: "https://bot:k3y@api.example.com/signed", headers: {}, json: true };
  signed.headers.authorization = "Bearer " + input.payload.token;
  const verified = await httpClient(signed);
  const mirrored = await httpClient(`https://${input.payload.user}@mirror.example.com/items`);
}
