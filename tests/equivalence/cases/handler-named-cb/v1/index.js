const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, cb) {
  const httpClient = Toolbelt.HTTPClient();
  const { storeId } = input.payload;

  let hours;
  try {
    hours = await httpClient(`https://api.example.com/stores/${storeId}/hours`, { json: true });
  } catch (err) {
    return cb(err, null);
  }

  if (!hours.open) {
    return cb(null, { open: false, message: `Store ${storeId} is closed today` });
  }
  cb(null, { open: true, message: `Open ${hours.from} - ${hours.to}` });
}
