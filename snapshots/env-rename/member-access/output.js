// Routes a conversation to the brand's skill.
function lambda(input, callback) {
  const brand = process.env.X_LIVEPERSON_BRAND_ID; // the account id
  const uuid = process.env.X_LIVEPERSON_FUNCTION_UUID;
  const domain = /* csds */ process.env.X_LIVEPERSON_CSDS_DOMAIN;

  if (process.env.X_LIVEPERSON_BRAND_ID === "123") {
    process.env.X_LIVEPERSON_FUNCTION_UUID = "overridden";
  }
  callback(null, { brand, uuid, domain, mine: process.env.MY_SETTING });
}
