const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
  const id = input.payload.id;
  if (!id) {
    return callback(new Error("no id"));
  }
  let seen = false;
  try {
    seen = await httpClient(`https://api.example.com/seen/${id}`, { json: true });
  } catch (error) {
    console.error("lookup failed");
  }

  if (seen === true) {
    callback(null, { status: "duplicate" });
  } else if (seen === false) {
    callback(null, { status: "new" });
  }

  // Recorded either way.
  try {
    await httpClient(`https://api.example.com/seen/${id}`, { method: "PUT", json: true, body: { seen: true } });
  } catch (error) {
    console.error("could not record the visit");
  }

  callback(null, { status: "unknown" });
}
