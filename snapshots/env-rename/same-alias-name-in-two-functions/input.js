function fromProcess() {
  const config = process.env;
  return config.BRAND_ID;
}

function fromInput(input) {
  const config = input.payload;
  return config.BRAND_ID;
}

function reassigned(input) {
  let config = process.env;
  if (input.payload.override) config = input.payload;
  return config.BRAND_ID;
}
