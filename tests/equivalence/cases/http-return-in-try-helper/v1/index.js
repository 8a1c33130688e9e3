const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// The `return` inside `try` hands back the promise: its rejection is not caught here.
async function loadProfile(id) {
  try {
    return httpClient("https://api.example.com/profiles/" + id, { json: true });
  } catch (err) {
    return { fallback: true };
  }
}

async function loadSettings(id) {
  try {
    return await httpClient("https://api.example.com/settings/" + id, { json: true });
  } catch (err) {
    return { fallback: true, status: err.statusCode };
  }
}

async function lambda(input, callback) {
  const settings = await loadSettings(input.payload.id);
  try {
    const profile = await loadProfile(input.payload.id);
    callback(null, { settings, profile });
  } catch (err) {
    callback(null, { settings, profileError: err.statusCode });
  }
}
