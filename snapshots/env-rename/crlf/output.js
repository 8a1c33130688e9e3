function lambda(input, callback) {
    // brand and port
    const brand = process.env.X_LIVEPERSON_BRAND_ID;
    // TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
    const port = process.env.PORT;
    callback(null, { brand, port });
}
