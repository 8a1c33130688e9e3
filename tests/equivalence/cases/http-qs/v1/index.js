const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
  const { lat, lng } = input.payload;
  const stores = await httpClient('https://api.example.com/stores/nearby', {
    qs: {
      lat: lat,
      lng: lng,
      radius: 25,
      open: true,
      brand: process.env.BRAND_ID,
    },
    json: true,
  });
  callback(null, stores.slice(0, 2).map((s) => `${s.name} (${s.distance} km)`));
}
