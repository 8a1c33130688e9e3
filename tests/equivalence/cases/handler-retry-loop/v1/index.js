const { Toolbelt } = require("lp-faas-toolbelt");

const MAX_ATTEMPTS = 3;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const response = await httpClient("https://api.example.com/v2/availability", {
      method: "GET",
      qs: { skill: input.payload.skill },
      json: true,
      simple: false,
      resolveWithFullResponse: true,
    });

    if (response.statusCode === 200) {
      return callback(null, { agentsAvailable: response.body.available, attempts: attempt });
    }
    console.warn(`attempt ${attempt} failed with ${response.statusCode}`);
    await sleep(20 * attempt);
  }

  callback(new Error("availability service did not answer"), null);
}
