function fromProcess() {
  const config = process.env;
  return config.X_LIVEPERSON_BRAND_ID;
}

function fromInput(input) {
  const config = input.payload;
  return config.BRAND_ID;
}

function reassigned(input) {
  let config = process.env;
  if (input.payload.override) config = input.payload;
  // TODO(faas-migrate): `config` is assigned more than once and may be process.env here; if it is, read `X_LIVEPERSON_BRAND_ID` [env-rename]
  return config.BRAND_ID;
}
