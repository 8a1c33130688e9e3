const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

let steps = [];

async function lambda(input, callback) {
  steps = [];
  let offers = [];
  try {
    const response = await httpClient("https://api.example.com/offers/" + input.payload.customerId, { json: true });
    if (!response.items) {
      throw new Error("no offers");
    }
    offers = response.items.map((item) => item.code);
    steps.push(`found ${offers.length} offers`);
    callback(null, offers);
  } catch (error) {
    // A failure without a body makes this line throw; V1 still answered from the finally.
    steps.push(`lookup failed: ${error.error.reason}`);
  } finally {
    console.info(JSON.stringify(steps));
    callback(null, offers);
  }
}
