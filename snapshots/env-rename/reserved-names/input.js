function lambda(input, callback) {
  const port = process.env.PORT;
  const project = process.env.X_GOOGLE_PROJECT;
  const custom = process.env["X_LIVEPERSON_CUSTOM"];
  const { FUNCTION_TARGET } = process.env;
  const platform = process.env.X_LIVEPERSON_PROJECT_ID; // set by V2: fine
  // faas-migrate-ignore: env-rename
  const acknowledged = process.env.FUNCTION_SIGNATURE_TYPE;
  if (port) console.log(process.env.PORT, project);
  callback(null, { port, project, custom, FUNCTION_TARGET, platform, acknowledged });
}
