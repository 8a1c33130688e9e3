const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
  try {
    const body = await httpClient(`https://api.example.com/accounts/${process.env.BRAND_ID}/notes`, {
      method: "POST",
      json: true,
      qs: { source: "bot", v: 2 },
      headers: { "X-Api-Key": process.env.API_KEY },
      body: { text: input.payload.text, tags: ["a", "b"] },
    });
    callback(null, { id: body.id, echoed: body.received.text });
  } catch (err) {
    callback(err, null);
  }
}
