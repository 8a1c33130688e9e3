function lambda(input, callback) {
    var brand = process.env['X_LIVEPERSON_BRAND_ID'];
    var uuid = process.env["X_LIVEPERSON_FUNCTION_UUID"]; // double quotes
    var domain = process.env[`X_LIVEPERSON_CSDS_DOMAIN`];
    var maybe = process.env?.X_LIVEPERSON_BRAND_ID;
    var hasDomain = "X_LIVEPERSON_CSDS_DOMAIN" in process.env;
    var custom = process.env["MY_VAR"];
    callback(null, [brand, uuid, domain, maybe, hasDomain, custom]);
}
