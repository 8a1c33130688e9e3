function lambda(input, callback) {
  const port = process.env.PORT; // faas-migrate-ignore: env-rename
  const target = process.env.FUNCTION_TARGET; // faas-migrate-ignore
  // TODO(faas-migrate): `FUNCTION_SIGNATURE_TYPE` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
  const other = process.env.FUNCTION_SIGNATURE_TYPE; // faas-migrate-ignore: use-strict
  callback(null, { port, target, other, url: "https://example.com//x" });
}
