const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  callback(null, main(input));
}

async function main(input) {
  const httpClient = Toolbelt.HTTPClient();
  const rates = await httpClient("https://api.example.com/fx/latest", {
    qs: { base: input.payload.from },
    json: true,
  });
  const rate = rates.rates[input.payload.to];
  return {
    amount: input.payload.amount,
    converted: Math.round(input.payload.amount * rate * 100) / 100,
    rate: rate,
  };
}
