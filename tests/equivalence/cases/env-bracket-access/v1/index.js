function lambda(input, callback) {
  const meta = {
    brand: process.env['BRAND_ID'],
    functionId: process.env["LAMBDA_UUID"],
    csdsDomain: process.env['CSDS_DOMAIN'],
  };
  const tag = `${meta.brand}:${meta.functionId.slice(0, 8)}`;

  callback(null, { meta: meta, tag: tag, echo: input.payload.text });
}
