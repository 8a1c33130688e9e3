function fromProcess() {
  const config = process.env;
  // TODO(faas-migrate): `config` is declared more than once and may be process.env here; if it is, read `X_LIVEPERSON_BRAND_ID` [env-rename]
  return config.BRAND_ID;
}

function fromInput(input) {
  const config = input.payload;
  // TODO(faas-migrate): `config` is declared more than once and may be process.env here; if it is, read `X_LIVEPERSON_BRAND_ID` [env-rename]
  return config.BRAND_ID;
}
