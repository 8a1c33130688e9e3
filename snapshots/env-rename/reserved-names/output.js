function lambda(input, callback) {
  // TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
  const port = process.env.PORT;
  // TODO(faas-migrate): `X_GOOGLE_PROJECT` uses the prefix `X_GOOGLE_`, reserved in V2; rename this variable here and in config.json [env-rename]
  const project = process.env.X_GOOGLE_PROJECT;
  // TODO(faas-migrate): `X_LIVEPERSON_CUSTOM` uses the prefix `X_LIVEPERSON_`, reserved in V2; rename this variable here and in config.json [env-rename]
  const custom = process.env["X_LIVEPERSON_CUSTOM"];
  // TODO(faas-migrate): `FUNCTION_TARGET` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
  const { FUNCTION_TARGET } = process.env;
  const platform = process.env.X_LIVEPERSON_PROJECT_ID; // set by V2: fine
  // faas-migrate-ignore: env-rename
  const acknowledged = process.env.FUNCTION_SIGNATURE_TYPE;
  // TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
  if (port) console.log(process.env.PORT, project);
  callback(null, { port, project, custom, FUNCTION_TARGET, platform, acknowledged });
}
