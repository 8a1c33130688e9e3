const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function load(id) {
  return httpClient("https://api.example.com/items/" + id, { json: true });
}

async function loadSafely(id) {
  try {
    return httpClient("https://api.example.com/items/" + id, { json: true });
  } catch (err) {
    return null;
  }
}

function loadLater(id) {
  return httpClient("https://api.example.com/items/" + id, { json: true, simple: false });
}

async function lambda(input, callback) {
  const menu = JSON.parse(await httpClient("https://api.example.com/menu", { simple: false }));
  const [a, b] = await Promise.all([load(1), loadLater(2)]);
  if (menu.closed) await httpClient("https://api.example.com/log", { method: "POST" });
  callback(null, { menu, a, b, c: await loadSafely(3) });
}
