const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input) {
  const id = input.payload.id;
  if (!id) {
    throw new Error("no id");
  }
  let seen = false;
  try {
    seen = await httpClient(`https://api.example.com/seen/${id}`, { json: true });
  } catch (error) {
    console.error("lookup failed");
  }

  let answer;
  if (seen === true) {
    answer ??= { status: "duplicate" };
  } else if (seen === false) {
    answer ??= { status: "new" };
  }

  // Recorded either way.
  try {
    await httpClient(`https://api.example.com/seen/${id}`, { method: "PUT", json: true, body: { seen: true } });
  } catch (error) {
    console.error("could not record the visit");
  }

  return answer ?? { status: "unknown" };
}
