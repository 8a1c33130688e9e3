function lambda(input, callback) {
  // TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
  const port = process.env.APP_PORT;
  callback(null, port);
}
